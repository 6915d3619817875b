package org.enma.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.enma.schema.PeriodColumns;
import org.enma.store.PeriodReader;

/**
 * The demo's view of the period table ({@code enma rollup}): one contract's days as a bar chart, one line a day, the
 * bars scaled to the largest day and the days holding estimates marked, and the company's months with the contracts
 * that had a measure in each.
 */
final class DemoChart {
    /** The widest bar, the largest day's, in characters. */
    static final int WIDTH = 40;
    /** Eighths of a character, from one eighth to seven: a bar ends in one of them. */
    private static final String EIGHTHS = "▏▎▍▌▋▊▉";
    private static final char FULL = '█';
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd", Locale.ROOT);

    private final PrintWriter out;
    /** Whether the output can show block characters; '#' bars otherwise. */
    private final boolean blocks;

    DemoChart(PrintWriter out, Charset charset) {
        this.out = out;
        this.blocks = charset.newEncoder().canEncode(FULL + EIGHTHS);
    }

    /** {@code days}: a contract's {@code DAY} rows, in time order; a day holding estimates says how many. */
    void printDays(List<PeriodReader.Item> days) {
        double largest = days.stream().mapToDouble(DemoChart::kwh).max().orElse(0);
        for (PeriodReader.Item day : days) {
            double kwh = kwh(day);
            String estimates = day.cells().get(PeriodColumns.NE);
            out.printf("   %s %9.2f kWh %s%s%n", DAY.format(day.start()), kwh, bar(kwh, largest),
                    estimates == null ? "" : "  (" + estimates + " estimated)");
        }
    }

    /** {@code months}: the company's {@code MONTH} rows, in time order. */
    void printMonths(List<PeriodReader.Item> months) {
        out.printf("   %-7s %14s %10s%n", "month", "kWh", "contracts");
        for (PeriodReader.Item month : months) {
            out.printf("   %-7s %14.2f %10s%n", YearMonth.from(month.start()), kwh(month),
                    month.cells().getOrDefault(PeriodColumns.CONTRACTS, "0"));
        }
    }

    /**
     * A bar of {@code value} where {@code largest} fills {@value #WIDTH} characters: whole blocks, then the eighth
     * nearest below; a value above zero shows at least an eighth.
     */
    String bar(double value, double largest) {
        if (largest <= 0 || value <= 0) {
            return "";
        }
        int eighths = Math.max(1, (int) Math.floor(value / largest * WIDTH * 8));
        if (!blocks) {
            return "#".repeat(Math.max(1, eighths / 8));
        }
        String whole = String.valueOf(FULL).repeat(eighths / 8);
        return eighths % 8 == 0 ? whole : whole + EIGHTHS.charAt(eighths % 8 - 1);
    }

    /** A period's {@code v}: an exact decimal in the table, shown to the hundredth. */
    private static double kwh(PeriodReader.Item period) {
        String v = period.cells().get(PeriodColumns.V);
        return v == null ? 0 : new BigDecimal(v).doubleValue();
    }
}
