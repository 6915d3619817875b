package org.enma.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailySumsTest {
    private static final LocalDate JULY_1 = LocalDate.of(2013, 7, 1);

    @Test
    void sumsAndMeansPerDateInAnyOrderOverAYear() {
        DailySums days = new DailySums();
        days.add(JULY_1, 2);
        days.add(JULY_1.plusDays(200), 1.5);   // 17 January 2014: grows at the end
        days.add(JULY_1.minusDays(100), 4);    // 23 March 2013: grows at the front
        days.add(JULY_1, 3);
        days.add(JULY_1.minusDays(100), 1);
        assertThat(days.sums()).containsExactly(Map.entry(LocalDate.of(2013, 3, 23), 5.0),
                Map.entry(JULY_1, 5.0), Map.entry(LocalDate.of(2014, 1, 17), 1.5));
        assertThat(days.means()).containsExactly(Map.entry(LocalDate.of(2013, 3, 23), 2.5),
                Map.entry(JULY_1, 2.5), Map.entry(LocalDate.of(2014, 1, 17), 1.5));
    }

    @Test
    void mergingAddsSumsAndCountsDateByDate() {
        DailySums mine = new DailySums();
        mine.add(JULY_1, 2);
        DailySums theirs = new DailySums();
        theirs.add(JULY_1, 4);
        theirs.add(JULY_1.minusDays(40), 7);
        mine.merge(theirs);
        // 1 July: sum 6 over 2 values, mean 3; 22 May: 7
        assertThat(mine.sums()).containsExactly(Map.entry(LocalDate.of(2013, 5, 22), 7.0), Map.entry(JULY_1, 6.0));
        assertThat(mine.means()).containsEntry(JULY_1, 3.0);
        assertThat(new DailySums().merge(mine).sums()).isEqualTo(mine.sums());
    }
}
