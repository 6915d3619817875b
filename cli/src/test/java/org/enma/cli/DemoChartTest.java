package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.enma.store.PeriodReader;
import org.junit.jupiter.api.Test;

class DemoChartTest {
    private final StringWriter text = new StringWriter();
    private final DemoChart chart = new DemoChart(new PrintWriter(text), StandardCharsets.UTF_8);

    @Test
    void theLargestDayFillsFortyBlocksAndTheOthersEndInTheEighthBelowTheirShare() {
        assertThat(chart.bar(10, 10)).isEqualTo("█".repeat(40));
        assertThat(chart.bar(5, 10)).isEqualTo("█".repeat(20));
        // 1.1 / 10 x 320 eighths = 35.2: four whole blocks and three eighths
        assertThat(chart.bar(1.1, 10)).isEqualTo("████▍");
        // 1.03 / 10 x 320 = 32.96: four whole blocks, nothing of the fifth
        assertThat(chart.bar(1.03, 10)).isEqualTo("████");
    }

    @Test
    void aDayAboveZeroShowsAtLeastAnEighthAndAnEmptyDayNothing() {
        assertThat(chart.bar(0.001, 10)).isEqualTo("▏");
        assertThat(chart.bar(0, 10)).isEmpty();
        assertThat(chart.bar(0, 0)).isEmpty();
    }

    @Test
    void anOutputWithoutBlockCharactersGetsHashes() {
        DemoChart ascii = new DemoChart(new PrintWriter(new StringWriter()), StandardCharsets.US_ASCII);
        assertThat(ascii.bar(5, 10)).isEqualTo("#".repeat(20));
        assertThat(ascii.bar(0.001, 10)).isEqualTo("#");
    }

    @Test
    void daysAndMonthsPrintTheirKwhAndTheMonthsTheirContracts() {
        LocalDateTime friday = LocalDateTime.of(2014, 1, 31, 0, 0);
        chart.printDays(List.of(new PeriodReader.Item(friday.minusDays(1), Map.of("v", "2.500000000")),
                new PeriodReader.Item(friday, Map.of("v", "10.0"))));
        chart.printMonths(List.of(new PeriodReader.Item(LocalDateTime.of(2014, 1, 1, 0, 0),
                Map.of("v", "1234.5", "c", "2"))));
        assertThat(text.toString()).isEqualTo(String.join("\n",
                "   Thu 2014-01-30      2.50 kWh " + "█".repeat(10),
                "   Fri 2014-01-31     10.00 kWh " + "█".repeat(40),
                "   month              kWh  contracts",
                "   2014-01        1234.50          2", ""));
    }
}
