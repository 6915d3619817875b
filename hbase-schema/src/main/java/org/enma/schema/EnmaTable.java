package org.enma.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An ENMA table by kind and name (without namespace). The naming rules of docs/data-model.md live here and nowhere else:
 * build names with the factories, and read a name typed by a user with {@link #parse}.
 */
public record EnmaTable(TableKind kind, String name) implements java.io.Serializable {
    /** The consumption type a command or job reads when none is given. */
    public static final String ELECTRICITY_CONSUMPTION = "electricityConsumption";
    /** The weather type of air temperature (°C), the one OT503 and OT701 read. */
    public static final String TEMPERATURE_AIR = "temperatureAir";
    private static final Pattern MEASURE_TYPE = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern COMPANY_TABLE = Pattern.compile("([a-z][A-Za-z0-9]*)_([0-9]{10})");
    private static final Pattern RESULT_TABLE = Pattern.compile("ot[0-9]{3}");
    private static final Pattern OT_NAME = Pattern.compile("(?i)ot([0-9]{3})");
    private static final String PERIODS_SUFFIX = "Periods";
    private static final String TRUST_SUFFIX = "Trust";
    private static final String CUSTOMERS = "customers";
    private static final String TARIFFS = "tariffs";
    private static final String STATIONS = "stations";
    private static final Set<String> FIXED = Set.of(CUSTOMERS, TARIFFS, STATIONS);

    /** Residential consumption: {@code electricityConsumption_1111111111}. */
    public static EnmaTable consumption(String type, CompanyId company) {
        return new EnmaTable(TableKind.CONSUMPTION, measureType(type) + "_" + company);
    }

    /** Time-of-use consumption: {@code touElectricityConsumption_1111111111}. */
    public static EnmaTable tou(String type, CompanyId company) {
        return new EnmaTable(TableKind.TOU, "tou" + capitalized(measureType(type)) + "_" + company);
    }

    /** Tertiary (business) consumption: {@code tertiaryElectricityConsumption_1111111111}. */
    public static EnmaTable tertiary(String type, CompanyId company) {
        return new EnmaTable(TableKind.TERTIARY, "tertiary" + capitalized(measureType(type)) + "_" + company);
    }

    /** The consumption table of {@code kind} (CONSUMPTION, TOU or TERTIARY) for a measure type and company. */
    public static EnmaTable consumption(TableKind kind, String type, CompanyId company) {
        return switch (kind) {
            case CONSUMPTION -> consumption(type, company);
            case TOU -> tou(type, company);
            case TERTIARY -> tertiary(type, company);
            default -> throw new IllegalArgumentException(kind + " is not a consumption kind");
        };
    }

    /**
     * The consumption table an analytic reads, named by its type as docs/data-model.md prefixes it: {@code
     * electricityConsumption} (residential), {@code touElectricityConsumption}, {@code
     * tertiaryElectricityConsumption}. All three carry the total {@code m:v}.
     */
    public static EnmaTable measuresOf(String prefixedType, CompanyId company) {
        EnmaTable table = parse(measureType(prefixedType) + "_" + company);
        if (!table.kind().consumption()) {
            throw new EnmaException("\"" + prefixedType + "\" does not name a consumption table");
        }
        return table;
    }

    /**
     * The period table (rollups) of a consumption table, next to it: {@code electricityConsumption_1111111111} →
     * {@code electricityConsumptionPeriods_1111111111}.
     */
    public static EnmaTable periodsOf(EnmaTable measures) {
        return besides(measures, TableKind.PERIODS, PERIODS_SUFFIX, "period");
    }

    /** The consumption table a period table rolls up: the inverse of {@link #periodsOf}. */
    public static EnmaTable measuresOfPeriods(EnmaTable periods) {
        return measuresBeside(periods, TableKind.PERIODS, PERIODS_SUFFIX, "period");
    }

    /**
     * The trust table (validation results) of a consumption table, next to it: {@code
     * electricityConsumption_1111111111} → {@code electricityConsumptionTrust_1111111111}.
     */
    public static EnmaTable trustOf(EnmaTable measures) {
        return besides(measures, TableKind.TRUST, TRUST_SUFFIX, "trust");
    }

    /** The consumption table a trust table judges: the inverse of {@link #trustOf}. */
    public static EnmaTable measuresOfTrust(EnmaTable trust) {
        return measuresBeside(trust, TableKind.TRUST, TRUST_SUFFIX, "trust");
    }

    /** A table derived from consumption table {@code measures}: its prefix, {@code suffix}, its company. */
    private static EnmaTable besides(EnmaTable measures, TableKind kind, String suffix, String noun) {
        if (!measures.kind().consumption()) {
            throw new EnmaException("table " + measures.name() + " has no " + noun
                    + " table: only consumption tables do");
        }
        Matcher m = COMPANY_TABLE.matcher(measures.name());
        if (!m.matches()) {
            throw new IllegalStateException("a consumption table is named <prefix>_<companyId>: " + measures.name());
        }
        return new EnmaTable(kind, m.group(1) + suffix + "_" + m.group(2));
    }

    private static EnmaTable measuresBeside(EnmaTable derived, TableKind kind, String suffix, String noun) {
        if (derived.kind() != kind) {
            throw new EnmaException("table " + derived.name() + " is not a " + noun + " table");
        }
        Matcher m = COMPANY_TABLE.matcher(derived.name());
        if (!m.matches()) {
            throw new IllegalStateException("a " + noun + " table is named <prefix>"
                    + suffix + "_<companyId>: " + derived.name());
        }
        String prefix = m.group(1);
        return parse(prefix.substring(0, prefix.length() - suffix.length()) + "_" + m.group(2));
    }

    public static EnmaTable customers() {
        return new EnmaTable(TableKind.CUSTOMERS, CUSTOMERS);
    }

    public static EnmaTable tariffs() {
        return new EnmaTable(TableKind.TARIFFS, TARIFFS);
    }

    public static EnmaTable stations() {
        return new EnmaTable(TableKind.STATIONS, STATIONS);
    }

    /** A weather measure table, shared by all companies: {@code temperatureAir}. */
    public static EnmaTable weather(String weatherType) {
        String type = measureType(weatherType);
        if (FIXED.contains(type) || RESULT_TABLE.matcher(type).matches()) {
            throw new EnmaException("weather type \"" + type + "\" is reserved for another ENMA table");
        }
        return new EnmaTable(TableKind.WEATHER, type);
    }

    /** The result mirror of an analytic: {@code OT101} or {@code ot101} → {@code ot101}. */
    public static EnmaTable results(String ot) {
        Matcher m = OT_NAME.matcher(ot == null ? "" : ot);
        if (!m.matches()) {
            throw new EnmaException("\"" + Identifier.printable(String.valueOf(ot))
                    + "\" is not an analytic name: write OT followed by three digits, e.g. OT101");
        }
        return new EnmaTable(TableKind.RESULTS, "ot" + m.group(1));
    }

    /** Reads a table name as typed by a user (without namespace) and tells its kind. */
    public static EnmaTable parse(String name) {
        if (name == null || name.isEmpty()) {
            throw unknown(String.valueOf(name));
        }
        if (FIXED.contains(name)) {
            return new EnmaTable(TableKind.valueOf(name.toUpperCase(Locale.ROOT)), name);
        }
        if (RESULT_TABLE.matcher(name).matches()) {
            return new EnmaTable(TableKind.RESULTS, name);
        }
        Matcher company = COMPANY_TABLE.matcher(name);
        if (company.matches()) {
            String prefix = company.group(1);
            if (prefix.endsWith(PERIODS_SUFFIX) && prefix.length() > PERIODS_SUFFIX.length()) {
                return new EnmaTable(TableKind.PERIODS, name);
            }
            if (prefix.endsWith(TRUST_SUFFIX) && prefix.length() > TRUST_SUFFIX.length()) {
                return new EnmaTable(TableKind.TRUST, name);
            }
            TableKind kind = prefix.matches("tou[A-Z].*") ? TableKind.TOU
                    : prefix.matches("tertiary[A-Z].*") ? TableKind.TERTIARY : TableKind.CONSUMPTION;
            return new EnmaTable(kind, name);
        }
        if (MEASURE_TYPE.matcher(name).matches()) {
            return new EnmaTable(TableKind.WEATHER, name);
        }
        throw unknown(name);
    }

    private static EnmaException unknown(String name) {
        return new EnmaException("\"" + Identifier.printable(name) + "\" is not an ENMA table name; expected one of "
                + Arrays.stream(TableKind.values()).map(TableKind::pattern).collect(Collectors.joining(", ")));
    }

    private static String measureType(String type) {
        if (type == null || !MEASURE_TYPE.matcher(type).matches()) {
            throw new EnmaException("measure type \"" + Identifier.printable(String.valueOf(type))
                    + "\" is invalid: use camelCase letters and digits starting with a lower-case letter,"
                    + " e.g. electricityConsumption");
        }
        for (String suffix : List.of(PERIODS_SUFFIX, TRUST_SUFFIX)) {
            if (type.endsWith(suffix)) {
                throw new EnmaException("measure type \"" + type + "\" is invalid: a name ending in " + suffix
                        + " is the " + (suffix.equals(TRUST_SUFFIX) ? "trust" : "period") + " table of another");
            }
        }
        return type;
    }

    private static String capitalized(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    @Override
    public String toString() {
        return name;
    }
}
