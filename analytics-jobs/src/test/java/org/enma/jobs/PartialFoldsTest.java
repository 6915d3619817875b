package org.enma.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.read.Measure;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class PartialFoldsTest {
    /** a 1, b 2, a 3, c 4, b 5, d (no v), a 6 stamped 01:00 .. 07:00 of 1970-01-01 UTC: hours 0 .. 6. */
    private static final List<Measure> MEASURES = List.of(measure("a", 1, 1.0), measure("b", 2, 2.0),
            measure("a", 3, 3.0), measure("c", 4, 4.0), measure("b", 5, 5.0), measure("d", 6, null),
            measure("a", 7, 6.0));

    @Test
    void aPartitionWhoseIdsFitIsHandedOnAsOneAccumulatorPerId() {
        assertEquals(List.of("a=1@0 3@2 6@6", "b=2@1 5@4", "c=4@3"), folded(MEASURES, 10));
    }

    @Test
    void aFullMapIsHandedOnAndTheMeasureOfTheNewIdStartsTheNext() {
        // {a, b} full when c comes; {c, b} full when a comes again; {a}; d has no v
        assertEquals(List.of("a=1@0 3@2", "a=6@6", "b=2@1", "b=5@4", "c=4@3"), folded(MEASURES, 2));
    }

    @Test
    void measuresWithoutAValueOrNoneGiveNothing() {
        assertEquals(List.of(), folded(List.of(measure("d", 1, null)), 2));
        assertEquals(List.of(), folded(List.of(), 2));
    }

    /** Each accumulator as "id=v@hour ...", sorted. */
    private static List<String> folded(List<Measure> measures, int held) {
        PartialFolds<StringBuilder> folds = new PartialFolds<>(measures.iterator(), StringBuilder::new,
                (text, m, hour) -> text.append(text.isEmpty() ? "" : " ")
                        .append(m.v().intValue()).append('@').append(hour.getHour()),
                new LocalHours(ZoneOffset.UTC), held);
        List<String> out = new ArrayList<>();
        while (folds.hasNext()) {
            Tuple2<String, StringBuilder> next = folds.next();
            out.add(next._1() + "=" + next._2());
        }
        out.sort(null);
        return out;
    }

    /** A measure stamped {@code stamp}:00 UTC: by the interval convention it is of the hour before. */
    private static Measure measure(String id, int stamp, Double v) {
        return new Measure(id, stamp * 3600L, v, null, Map.of());
    }
}
