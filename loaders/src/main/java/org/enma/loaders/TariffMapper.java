package org.enma.loaders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.Family;
import org.enma.schema.TariffColumns;
import org.enma.schema.TariffKey;

/**
 * One time slot of one tariff version. Checks what a price lookup relies on: real dates with start before end, a
 * valid {@code mmdd} (29 February allowed) and {@code HHMMSS}, and a set of weekdays, stored in week order as
 * {@code Mon,Tue,...} — the form users upload (docs/data-model.md's "concatenated from Mon,Tue,..." read that way).
 */
final class TariffMapper implements RowMapper {
    static final String TARIFF_ID = TariffKey.TARIFF_ID;
    static final String PERIOD_KEY = TariffKey.PERIOD_KEY;
    static final List<String> DATE_COLUMNS = TariffKey.DATES;

    private final CompanyId company;

    TariffMapper(CompanyId company) {
        this.company = company;
    }

    @Override
    public Put map(Row row) throws RowRejected {
        String tariffId = row.identifier(TARIFF_ID);
        String periodKey = row.identifier(PERIOD_KEY);
        LocalDate[] dates = new LocalDate[DATE_COLUMNS.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = date(DATE_COLUMNS.get(i), row.required(DATE_COLUMNS.get(i)));
        }
        requireOrdered(dates[0], dates[1], TariffColumns.FLAT_RATE);
        requireOrdered(dates[2], dates[3], TariffColumns.ENERGY_COST);
        String timeSlotName = row.required(TariffColumns.TIME_SLOT_NAME);
        String flatRate = UploadedNumber.parse(TariffColumns.FLAT_RATE, row.required(TariffColumns.FLAT_RATE));
        String energyCost = UploadedNumber.parse(TariffColumns.ENERGY_COST, row.required(TariffColumns.ENERGY_COST));
        TariffKey key = new TariffKey(company, tariffId, dates[0], dates[1], dates[2], dates[3], periodKey);
        return new Cells(key.encode())
                .add(Family.M, TariffColumns.TIME_SLOT_NAME, timeSlotName)
                .add(Family.M, TariffColumns.FLAT_RATE, flatRate)
                .add(Family.M, TariffColumns.ENERGY_COST, energyCost)
                .add(Family.M, TariffColumns.PERIOD_START, monthDay(TariffColumns.PERIOD_START, row))
                .add(Family.M, TariffColumns.PERIOD_END, monthDay(TariffColumns.PERIOD_END, row))
                .add(Family.M, TariffColumns.HOUR_START, timeOfDay(TariffColumns.HOUR_START, row))
                .add(Family.M, TariffColumns.HOUR_END, timeOfDay(TariffColumns.HOUR_END, row))
                .add(Family.M, TariffColumns.DAYS, days(row.required(TariffColumns.DAYS)))
                .put();
    }

    private static LocalDate date(String column, String text) throws RowRejected {
        try {
            return TariffKey.parseDate(column, text);
        } catch (EnmaException e) {
            throw new RowRejected(e.getMessage());
        }
    }

    private static void requireOrdered(LocalDate start, LocalDate end, String what) throws RowRejected {
        if (start.isAfter(end)) {
            throw new RowRejected("dateStart_" + what + " " + TariffKey.formatDate(start) + " is after dateEnd_"
                    + what + " " + TariffKey.formatDate(end));
        }
    }

    private static String monthDay(String column, Row row) throws RowRejected {
        String text = row.required(column);
        if (text.matches("[0-9]{4}")) {
            int month = Integer.parseInt(text.substring(0, 2));
            int day = Integer.parseInt(text.substring(2));
            if (month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength()) {
                return text;
            }
        }
        throw new RowRejected(column + " \"" + text + "\" is not a day of the year as mmdd (e.g. 1101)");
    }

    private static String timeOfDay(String column, Row row) throws RowRejected {
        String text = row.required(column);
        if (text.matches("([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]")) {
            return text;
        }
        throw new RowRejected(column + " \"" + text + "\" is not a time of day as HHMMSS (000000..235959)");
    }

    static String days(String text) throws RowRejected {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : text.split(",", -1)) {
            DayOfWeek day = dayOf(name.trim());
            if (day == null) {
                throw new RowRejected("days \"" + text + "\" has \"" + name.trim()
                        + "\", which is not one of Mon,Tue,Wed,Thu,Fri,Sat,Sun");
            }
            if (!days.add(day)) {
                throw new RowRejected("days \"" + text + "\" names " + name.trim() + " twice");
            }
        }
        List<String> ordered = new ArrayList<>();
        days.forEach(d -> ordered.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
        return String.join(",", ordered);
    }

    private static DayOfWeek dayOf(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(name)) {
                return d;
            }
        }
        return null;
    }
}
