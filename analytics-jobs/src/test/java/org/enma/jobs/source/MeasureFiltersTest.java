package org.enma.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.enma.jobs.read.TimeRange;
import org.junit.jupiter.api.Test;

class MeasureFiltersTest {
    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    @Test
    void timestampComparisonsBecomeWholeSecondsAndTheRestStaysWithSpark() {
        MeasureFilters filters = new MeasureFilters("contractId", ZoneOffset.UTC);
        Filter onV = new GreaterThan("v", 1.0);
        Filter[] rest = filters.push(new Filter[] {new GreaterThanOrEqual("timestamp", at("2014-01-01T00:00:00Z")),
            new LessThan("timestamp", at("2014-02-01T00:00:00Z")), onV});
        assertThat(rest).containsExactly(onV);
        assertThat(filters.pushed()).hasSize(2);
        // 2014-01-01T00:00Z = 1388534400, 2014-02-01T00:00Z = 1391212800
        assertThat(filters.times()).containsExactly(new TimeRange(1388534400L, 1391212800L));
    }

    @Test
    void fractionsOfASecondRoundToTheSecondsThatCompareTrue() {
        MeasureFilters filters = new MeasureFilters("contractId", ZoneOffset.UTC);
        filters.push(new Filter[] {new GreaterThan("timestamp", at("2014-01-01T00:00:00.500Z")),
            new LessThanOrEqual("timestamp", Instant.parse("2014-01-31T23:00:00Z"))});
        // > 00:00:00.5 starts at 00:00:01; <= 23:00:00 stops before 23:00:01 (1391209200 + 1)
        assertThat(filters.times()).containsExactly(new TimeRange(1388534401L, 1391209201L));
    }

    @Test
    void datesFollowTheIntervalConventionInTheDeploymentsZone() {
        MeasureFilters utc = new MeasureFilters("contractId", ZoneOffset.UTC);
        utc.push(new Filter[] {new GreaterThanOrEqual("date", Date.valueOf("2014-01-01")),
            new LessThanOrEqual("date", LocalDate.of(2014, 1, 31))});
        // a measure stamped at midnight belongs to the day before: 1 January is 00:00:01 … 2 January 00:00:00
        assertThat(utc.times()).containsExactly(new TimeRange(1388534401L, 1391212801L));
        MeasureFilters madrid = new MeasureFilters("contractId", ZoneId.of("Europe/Madrid"));
        madrid.push(new Filter[] {new EqualTo("date", Date.valueOf("2014-01-01"))});
        // Madrid's 1 January 2014 starts at 2013-12-31T23:00Z = 1388530800
        assertThat(madrid.times()).containsExactly(new TimeRange(1388530801L, 1388617201L));
    }

    @Test
    void idFiltersIntersectAndAContradictionReadsNothing() {
        MeasureFilters filters = new MeasureFilters("contractId", ZoneOffset.UTC);
        filters.push(new Filter[] {new In("contractId", new Object[] {"P", "Q"}), new EqualTo("contractId", "P")});
        assertThat(filters.ids()).containsExactly("P");
        assertThat(filters.noId()).isFalse();
        filters.push(new Filter[] {new EqualTo("contractId", "Q")});
        assertThat(filters.noId()).isTrue();
        MeasureFilters times = new MeasureFilters("contractId", ZoneOffset.UTC);
        times.push(new Filter[] {new GreaterThan("timestamp", at("2014-02-01T00:00:00Z")),
            new LessThan("timestamp", at("2014-01-01T00:00:00Z"))});
        assertThat(times.times()).isEqualTo(List.of());
    }
}
