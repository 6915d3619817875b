package org.enma.jobs.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/data-model.md § Period tables, the qualifiers, with every expected figure worked out by hand. */
class PeriodFiguresTest {
    @Test
    void sumsAreExactDecimalsAndTheCostIsRoundedHalfUpToSixDecimals() {
        PeriodFigures day = new PeriodFigures();
        day.add("0.412", "12.5", Map.of(), false);     // cost 0.412 × 12.5 / 100 = 0.0515
        day.add("1.000", null, Map.of(), false);       // no energyCost: counted in v and n only
        day.add("2.5", "10.333", Map.of(), false);     // 2.5 × 10.333 / 100 = 0.258325
        day.add("0.1234", "0.0005", Map.of(), false);  // 0.1234 × 0.0005 / 100 = 0.000000617
        // v 0.412 + 1 + 2.5 + 0.1234 = 4.0354; cost 0.309825617 → 0.309826
        assertThat(day.cells(false)).containsExactly(Map.entry("v", "4.0354"), Map.entry("n", "4"),
                Map.entry("min", "0.1234"), Map.entry("max", "2.5"), Map.entry("cost", "0.309826"),
                Map.entry("np", "3"));
    }

    @Test
    void aPeriodWithoutCostsHasNoCostCellAndTouPeriodsAreSummedByNumber() {
        PeriodFigures hour = new PeriodFigures();
        hour.add("2", null, Map.of(1, "1.5", 2, "0.25"), false);
        hour.add("3.50", null, Map.of(1, "2"), true);
        // one of the two an estimate: ne 1, after np
        assertThat(hour.cells(false)).containsExactly(Map.entry("v", "5.5"), Map.entry("n", "2"),
                Map.entry("min", "2"), Map.entry("max", "3.5"), Map.entry("np", "0"), Map.entry("ne", "1"),
                Map.entry("p1", "3.5"), Map.entry("p2", "0.25"));
    }

    @Test
    void higherPeriodsAddTheirPartsAsStoredAndTotalsCountContracts() {
        PeriodFigures first = new PeriodFigures();
        first.add("1", "0.0000006", Map.of(), false);   // cost 0.000000006 → stored 0
        first.add("3", "10", Map.of(), false);          // 0.3
        PeriodFigures second = new PeriodFigures();
        second.add("0.5", "0.0001", Map.of(), false);   // 0.0000005 → stored 0.000001 (half up)
        // as stored: 0.3 + 0.000001; the exact sum 0.300000506 would round to 0.300001 too
        PeriodFigures month = PeriodFigures.ofCells(first.cells(false))
                .merge(PeriodFigures.ofCells(second.cells(false)));
        assertThat(month.cells(false)).containsExactly(Map.entry("v", "4.5"), Map.entry("n", "3"),
                Map.entry("min", "0.5"), Map.entry("max", "3"), Map.entry("cost", "0.300001"), Map.entry("np", "3"));
        assertThat(PeriodFigures.ofCells(month.cells(false)).cells(false)).isEqualTo(month.cells(false));

        PeriodFigures total = new PeriodFigures().addContract(first).addContract(second);
        assertThat(total.cells(true)).containsEntry("c", "2").containsEntry("v", "4.5").containsEntry("cost",
                "0.300001");
        // the contracts' own figures stay as they were
        assertThat(first.cells(true)).containsEntry("v", "4").containsEntry("n", "2").containsEntry("c", "0");
        assertThat(PeriodFigures.ofCells(total.cells(true)).cells(true)).isEqualTo(total.cells(true));
    }

    @Test
    void figuresCrossASparkShuffleUnchanged() throws Exception {
        PeriodFigures total = new PeriodFigures();
        total.add("1.250", "10", Map.of(2, "0.5"), false);   // cost 0.125
        total.add("-0.5", null, Map.of(), false);
        PeriodFigures counted = new PeriodFigures().addContract(total);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(counted);
            out.writeObject(new PeriodFigures());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((PeriodFigures) in.readObject()).cells(true)).containsExactly(Map.entry("v", "0.75"),
                    Map.entry("n", "2"), Map.entry("min", "-0.5"), Map.entry("max", "1.25"),
                    Map.entry("cost", "0.125"), Map.entry("np", "1"), Map.entry("p2", "0.5"), Map.entry("c", "1"));
            assertThat(((PeriodFigures) in.readObject()).isEmpty()).isTrue();
        }
    }
}
