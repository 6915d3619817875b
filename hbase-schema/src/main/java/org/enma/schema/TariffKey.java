package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Key of one time slot of one tariff version:
 * {@code <companyId>~<tariffId>~<dateStart_flatRate>~<dateEnd_flatRate>~<dateStart_energyCost>~<dateEnd_energyCost>~<periodKey>},
 * dates {@code YYYYMMDD}.
 */
public record TariffKey(CompanyId company, String tariffId, LocalDate flatRateStart, LocalDate flatRateEnd,
                        LocalDate energyCostStart, LocalDate energyCostEnd, String periodKey) {
    public static final String TARIFF_ID = "tariffId";
    public static final String PERIOD_KEY = "periodKey";
    /** The key's four dates, in key order: flat rate from / to, energy cost from / to ({@code YYYYMMDD}). */
    public static final List<String> DATES = List.of("dateStart_flatRate", "dateEnd_flatRate", "dateStart_energyCost",
            "dateEnd_energyCost");
    /** The key's parts after the company, by name: tariffId, the four dates, periodKey. */
    public static final List<String> COLUMNS = List.of(TARIFF_ID, DATES.get(0), DATES.get(1), DATES.get(2),
            DATES.get(3), PERIOD_KEY);
    private static final List<String> PARTS = List.of("companyId", TARIFF_ID, DATES.get(0), DATES.get(1),
            DATES.get(2), DATES.get(3), PERIOD_KEY);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public TariffKey {
        Identifier.require(TARIFF_ID, tariffId);
        Identifier.require(PERIOD_KEY, periodKey);
    }

    /** Parses a {@code YYYYMMDD} date, naming {@code field} when it is not one. */
    public static LocalDate parseDate(String field, String text) {
        if (text == null || !text.matches("[0-9]{8}")) {
            throw new EnmaException(field + " \"" + Identifier.printable(String.valueOf(text))
                    + "\" is invalid: write it as YYYYMMDD, e.g. 20130101");
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new EnmaException(field + " \"" + text + "\" is not a calendar date");
        }
    }

    public static String formatDate(LocalDate date) {
        return date.format(DATE);
    }

    public byte[] encode() {
        return KeyParts.join(company, tariffId, formatDate(flatRateStart), formatDate(flatRateEnd),
                formatDate(energyCostStart), formatDate(energyCostEnd), periodKey);
    }

    public static TariffKey decode(byte[] key) {
        String[] p = KeyParts.split(key, "tariff", PARTS);
        return new TariffKey(CompanyId.of(p[0]), p[1], parseDate(PARTS.get(2), p[2]), parseDate(PARTS.get(3), p[3]),
                parseDate(PARTS.get(4), p[4]), parseDate(PARTS.get(5), p[5]), p[6]);
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}
