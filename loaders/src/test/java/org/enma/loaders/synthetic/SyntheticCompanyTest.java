package org.enma.loaders.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCompanyTest {
    @TempDir
    Path dir;

    private Map<Path, Long> generate(Path out, long seed) throws IOException {
        return new SyntheticCompany(CompanyId.of("1111111111"), 100, Month.of(2013, 1), 2, seed).writeTo(out);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData() throws IOException {
        generate(dir.resolve("a"), 7);
        generate(dir.resolve("b"), 7);
        generate(dir.resolve("c"), 8);
        for (String name : List.of("customers.csv", "tariffs.csv", "stations.csv", "temperatureAir.csv",
                "consumption.csv")) {
            assertThat(Files.mismatch(dir.resolve("a").resolve(name), dir.resolve("b").resolve(name))).isEqualTo(-1);
        }
        assertThat(Files.mismatch(dir.resolve("a/consumption.csv"), dir.resolve("c/consumption.csv")))
                .isNotEqualTo(-1);
    }

    @Test
    void shapeOfTheCompany() throws IOException {
        Map<Path, Long> files = generate(dir, 1);
        // January + February 2013 = 59 days = 1416 hours per station
        assertThat(files.get(dir.resolve("temperatureAir.csv"))).isEqualTo(3 * 1416L);
        assertThat(files.get(dir.resolve("customers.csv"))).isEqualTo(100L);
        assertThat(files.get(dir.resolve("tariffs.csv"))).isEqualTo(6L);
        long consumption = files.get(dir.resolve("consumption.csv"));
        // every contract has every hour, except the days gappy contracts miss
        assertThat(consumption).isLessThan(100 * 1416L).isGreaterThan(95 * 1416L);

        List<String> rows = Files.readAllLines(dir.resolve("consumption.csv"));
        assertThat(rows.get(0)).isEqualTo("contractId,timestamp,v,va");
        assertThat(rows.get(1)).startsWith("C000000,2013-01-01T01:00:00Z,");
        assertThat(rows.stream().filter(r -> r.matches("C[0-9]+,[^,]+,,[0-9.]+")).count())
                .as("rows with only the cumulative index").isPositive();

        Map<String, Long> perPostalCode = Files.readAllLines(dir.resolve("customers.csv")).stream().skip(1)
                .collect(Collectors.groupingBy(l -> l.split(",")[2], Collectors.counting()));
        assertThat(perPostalCode.values()).allMatch(n -> n >= 20);
    }

    @Test
    void readingsEveryQuarterHourOrDayCoverTheIntervalEndingAtTheirTimestamp() throws IOException {
        Map<Path, Long> daily = new SyntheticCompany(CompanyId.of("1111111111"), 100, Month.of(2013, 1), 2, 1,
                SyntheticCompany.Interval.DAY).writeTo(dir.resolve("daily"));
        // 59 days a contract; the first reading ends 1 January, stamped at midnight
        assertThat(daily.get(dir.resolve("daily/consumption.csv"))).isLessThanOrEqualTo(100 * 59L)
                .isGreaterThan(95 * 59L);
        List<String> days = Files.readAllLines(dir.resolve("daily/consumption.csv"));
        assertThat(days.get(1)).startsWith("C000000,2013-01-02T00:00:00Z,");
        assertThat(days.get(59)).startsWith("C000000,2013-03-01T00:00:00Z,");
        Map<Path, Long> quarters = new SyntheticCompany(CompanyId.of("1111111111"), 10, Month.of(2013, 1), 1, 1,
                SyntheticCompany.Interval.QUARTER_HOUR).writeTo(dir.resolve("quarters"));
        assertThat(quarters.get(dir.resolve("quarters/consumption.csv"))).isLessThanOrEqualTo(10 * 31 * 96L)
                .isGreaterThan(9 * 31 * 96L);
        List<String> rows = Files.readAllLines(dir.resolve("quarters/consumption.csv"));
        assertThat(rows.get(1)).startsWith("C000000,2013-01-01T00:15:00Z,");
        assertThat(rows.get(2)).startsWith("C000000,2013-01-01T00:30:00Z,");
        // a day's use is about 24 hours' worth: a day's reading is tens of times a quarter hour's
        double day = Double.parseDouble(days.get(1).split(",")[2]);
        double quarter = Double.parseDouble(rows.get(1).split(",")[2]);
        assertThat(day / quarter).isBetween(20.0, 400.0);
        assertThat(SyntheticCompany.Interval.of("30m").seconds()).isEqualTo(1800);
        assertThatThrownBy(() -> SyntheticCompany.Interval.of("2h")).hasMessage("interval \"2h\" is none of 15m,"
                + " 30m, 1h, 1d");
    }

    @Test
    void decimalsAreFixedPoint() {
        assertThat(SyntheticCompany.decimal(0.4126, 3)).isEqualTo("0.413");
        assertThat(SyntheticCompany.decimal(-3.04, 1)).isEqualTo("-3.0");
        assertThat(SyntheticCompany.decimal(-0.25, 2)).isEqualTo("-0.25");
        assertThat(SyntheticCompany.decimal(12, 2)).isEqualTo("12.00");
    }
}
