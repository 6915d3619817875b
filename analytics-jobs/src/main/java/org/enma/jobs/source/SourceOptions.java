package org.enma.jobs.source;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.enma.config.EnmaConfig;
import org.enma.config.Setting;
import org.enma.jobs.JobRequest;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;

/**
 * The options of {@code spark.read.format("enma")} and {@code df.write.format("enma")}: which table ({@code table},
 * {@code company}, {@code type}, {@code ot}, {@code periods}), the write's {@code setup}, and any ENMA setting by its
 * {@code enma.properties} key ({@code hbase.quorum}, {@code mongo.uri}, {@code namespace}, {@code timezone}, ...) over
 * the process's own configuration. Spark hands options over with lower-cased keys; an unknown one is refused by name,
 * so a typo does not silently read the defaults.
 */
public final class SourceOptions {
    public static final String TABLE = "table";
    public static final String COMPANY = "company";
    public static final String TYPE = "type";
    public static final String OT = "ot";
    public static final String PERIODS = "periods";
    public static final String SETUP = "setup";
    /** Internal: the id of a {@code BadCells} accumulator registered by {@code EnmaData} on this driver. */
    static final String BAD_CELLS = "enma.badcells";
    private static final List<String> OWN = List.of(TABLE, COMPANY, TYPE, OT, PERIODS, SETUP, BAD_CELLS);
    /** Options Spark itself may add to a load or save. */
    private static final Set<String> SPARKS = Set.of("path", "paths");

    private SourceOptions() {
    }

    /** The table {@code options} name for a read, refusing unknown options and missing or contradicting ones. */
    static SourceTable table(Map<String, String> options) {
        requireKnown(options);
        String table = required(options, TABLE, "one of " + kinds());
        SourceTable.Kind kind = kindOf(table);
        String type = options.get(TYPE);
        return switch (kind) {
            case CONSUMPTION -> new SourceTable(kind, EnmaTable.measuresOf(type == null ? JobRequest.DEFAULT_TYPE
                    : type, company(options)), company(options), null, periods(options));
            case PERIODS -> new SourceTable(kind, EnmaTable.periodsOf(EnmaTable.measuresOf(
                    type == null ? JobRequest.DEFAULT_TYPE : type, company(options))), company(options), null,
                    periods(options));
            case TRUST -> new SourceTable(kind, EnmaTable.trustOf(EnmaTable.measuresOf(
                    type == null ? JobRequest.DEFAULT_TYPE : type, company(options))), company(options), null, 0);
            case WEATHER -> new SourceTable(kind, EnmaTable.weather(required(options, TYPE,
                    "the weather type, e.g. temperatureAir")), null, null, 0);
            case CUSTOMERS -> new SourceTable(kind, EnmaTable.customers(), company(options), null, 0);
            case STATIONS -> new SourceTable(kind, EnmaTable.stations(), company(options), null, 0);
            case TARIFFS -> new SourceTable(kind, EnmaTable.tariffs(), company(options), null, 0);
            case RESULTS -> results(options);
        };
    }

    /** The result table {@code options} name ({@code ot} and {@code company}; {@code table} may be left out). */
    static SourceTable results(Map<String, String> options) {
        requireKnown(options);
        String ot = required(options, OT, "the analytic, e.g. OT101");
        EnmaTable mirror = EnmaTable.results(ot);
        return new SourceTable(SourceTable.Kind.RESULTS, mirror, company(options), ot.toUpperCase(Locale.ROOT), 0);
    }

    /**
     * The configuration of a read or write: the process's ({@code ENMA_*} variables, {@code enma.properties}), with
     * every setting {@code options} give on top.
     */
    static EnmaConfig config(Map<String, String> options) {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        options.forEach((key, value) -> Setting.ofKey(key).ifPresent(s -> given.put(s, value)));
        return EnmaConfig.forProcess(given);
    }

    /**
     * The settings of {@code config} as options, for a source read that must see exactly this configuration: those a
     * flag, variable or file gave, and those the program set; a setting at its default stays out, so that the read
     * takes it as a default too. Given as an option, the default data directory would be an explicit one, and the
     * read would look for the embedded stack only there instead of where the command found it.
     */
    static Map<String, String> of(EnmaConfig config) {
        Map<String, String> options = new java.util.HashMap<>();
        for (Setting s : Setting.values()) {
            if (config.isSet(s) || !config.get(s).equals(s.defaultValue())) {
                options.put(s.key(), config.get(s));
            }
        }
        return options;
    }

    private static SourceTable.Kind kindOf(String table) {
        for (SourceTable.Kind kind : SourceTable.Kind.values()) {
            if (kind.optionName().equalsIgnoreCase(table)) {
                return kind;
            }
        }
        throw new EnmaException("enma source: unknown table \"" + table + "\"; option table is one of " + kinds());
    }

    private static String kinds() {
        List<String> names = new ArrayList<>();
        for (SourceTable.Kind kind : SourceTable.Kind.values()) {
            names.add(kind.optionName());
        }
        return String.join(", ", names);
    }

    private static void requireKnown(Map<String, String> options) {
        for (String key : options.keySet()) {
            String k = key.toLowerCase(Locale.ROOT);
            if (!OWN.contains(k) && !SPARKS.contains(k) && Setting.ofKey(k).isEmpty()) {
                Set<String> known = new TreeSet<>(OWN);
                known.remove(BAD_CELLS);
                for (Setting s : Setting.values()) {
                    known.add(s.key());
                }
                throw new EnmaException("enma source: unknown option \"" + key + "\"; the options are "
                        + String.join(", ", known));
            }
        }
    }

    private static CompanyId company(Map<String, String> options) {
        return CompanyId.of(required(options, COMPANY, "the 10-digit company id"));
    }

    private static int periods(Map<String, String> options) {
        String periods = options.get(PERIODS);
        if (periods == null) {
            return SourceTable.DEFAULT_TERTIARY_PERIODS;
        }
        try {
            int n = Integer.parseInt(periods.trim());
            if (n >= 1 && n <= 99) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // the same message as a number out of range
        }
        throw new EnmaException("enma source: option periods is \"" + periods + "\"; give the number of tariff"
                + " periods of a tertiary table, 1 to 99");
    }

    private static String required(Map<String, String> options, String option, String what) {
        return Optional.ofNullable(options.get(option)).filter(v -> !v.isBlank()).orElseThrow(() ->
                new EnmaException("enma source: option " + option + " is missing: give " + what));
    }
}
