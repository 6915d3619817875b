package org.enma.loaders.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;

/**
 * A realistic synthetic company as upload CSVs: customers in peer groups (postal code × tariff, at least 20 contracts
 * per postal code for 100 contracts), a 3-period tariff in two price variants, three weather stations with hourly
 * air temperature, and consumption with a seasonal, weekly and daily shape scaled per household, read every hour by
 * default or every 15 or 30 minutes or once a day ({@link Interval}; a reading covers the interval that ends at its
 * timestamp). Some contracts miss a few days (partial months) and some upload only the cumulative index {@code va}.
 * The same seed and interval give byte-identical files.
 */
public final class SyntheticCompany {
    private static final String[] POSTAL_CODES = {"08001", "08002", "08003", "08004", "08005"};
    private static final String[] CITY_CODES = {"08019", "08019", "08019", "08101", "08101"};
    private static final String[] TARIFFS = {"3P", "3P-green"};
    private static final String[] STATIONS = {"ST-BCN", "ST-HOS", "ST-LLE"};
    private static final String[] STATION_LAT = {"41 23 24 N", "41 21 33 N", "41 37 03 N"};
    private static final String[] STATION_LONG = {"02 09 14 E", "02 06 01 E", "00 37 35 E"};
    /** Share of contracts that send only the meter index; share of days a gappy contract misses. */
    private static final double CUMULATIVE_ONLY = 0.1;
    private static final double GAPPY = 0.15;
    private static final double MISSED_DAY = 0.03;
    /** About a household's mean load at scale 1: what a spike is a multiple of. */
    private static final double TYPICAL_KWH_PER_HOUR = 0.5;

    private final CompanyId company;
    private final int contracts;
    private final Month start;
    private final int months;
    private final long seed;
    private final Interval interval;
    private final boolean faulty;

    /** How often a meter reads: {@code 15m}, {@code 30m}, {@code 1h}, {@code 1d}. */
    public enum Interval {
        QUARTER_HOUR("15m", 900), HALF_HOUR("30m", 1800), HOUR("1h", 3600), DAY("1d", 86_400);

        private final String label;
        private final long seconds;

        Interval(String label, long seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        /** The interval written {@code label}, or a message listing the ones there are. */
        public static Interval of(String label) {
            for (Interval i : values()) {
                if (i.label.equals(label)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("interval \"" + label + "\" is none of 15m, 30m, 1h, 1d");
        }

        public long seconds() {
            return seconds;
        }
    }

    /** A company read hourly. */
    public SyntheticCompany(CompanyId company, int contracts, Month start, int months, long seed) {
        this(company, contracts, start, months, seed, Interval.HOUR);
    }

    public SyntheticCompany(CompanyId company, int contracts, Month start, int months, long seed, Interval interval) {
        this(company, contracts, start, months, seed, interval, false);
    }

    private SyntheticCompany(CompanyId company, int contracts, Month start, int months, long seed, Interval interval,
                             boolean faulty) {
        if (contracts < 1 || months < 1) {
            throw new IllegalArgumentException("contracts and months must be at least 1");
        }
        this.company = company;
        this.contracts = contracts;
        this.start = start;
        this.months = months;
        this.seed = seed;
        this.interval = interval;
        this.faulty = faulty;
    }

    /**
     * The same company with faults in its readings ({@link Faults}) and their ground truth in {@code faults.csv}. The
     * readings a fault leaves alone are those the company without faults has.
     */
    public SyntheticCompany withFaults() {
        return new SyntheticCompany(company, contracts, start, months, seed, interval, true);
    }

    /** Writes the files into {@code dir}; returns each file with its number of data rows. */
    public Map<Path, Long> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<Path, Long> files = new LinkedHashMap<>();
        files.put(dir.resolve("customers.csv"), customers(dir.resolve("customers.csv")));
        files.put(dir.resolve("tariffs.csv"), tariffs(dir.resolve("tariffs.csv")));
        files.put(dir.resolve("stations.csv"), stations(dir.resolve("stations.csv")));
        files.put(dir.resolve("temperatureAir.csv"), weather(dir.resolve("temperatureAir.csv")));
        files.put(dir.resolve("consumption.csv"), consumption(dir.resolve("consumption.csv"),
                faulty ? dir.resolve("faults.csv") : null));
        if (faulty) {
            try (var lines = Files.lines(dir.resolve("faults.csv"))) {
                files.put(dir.resolve("faults.csv"), lines.count() - 1);
            }
        }
        return files;
    }

    public static String contractId(int i) {
        return String.format("C%06d", i);
    }

    private long customers(Path file) throws IOException {
        try (Writer out = writer(file)) {
            out.write("contractId,tariffId,postalCode,cityCode,weatherStationId,totalPersonsNumber,dwellingArea\n");
            for (int i = 0; i < contracts; i++) {
                SplittableRandom r = random(i, 1);
                int area = i % POSTAL_CODES.length;
                out.write(contractId(i) + "," + TARIFFS[r.nextInt(TARIFFS.length)] + "," + POSTAL_CODES[area] + ","
                        + CITY_CODES[area] + "," + STATIONS[area % STATIONS.length] + "," + (1 + r.nextInt(5)) + ","
                        + (45 + r.nextInt(110)) + "\n");
            }
        }
        return contracts;
    }

    /** Three periods that cover the week once: peak weekdays 10–22 h, off-peak weekdays 22–10 h, valley weekends. */
    private long tariffs(Path file) throws IOException {
        String from = start.toString() + "01";
        String to = start.plusMonths(months).value().atDay(1).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        try (Writer out = writer(file)) {
            out.write("tariffId,dateStart_flatRate,dateEnd_flatRate,dateStart_energyCost,dateEnd_energyCost,periodKey,"
                    + "timeSlotName,flatRate,energyCost,periodStart,periodEnd,hourStart,hourEnd,days\n");
            for (int t = 0; t < TARIFFS.length; t++) {
                String dates = from + "," + to + "," + from + "," + to;
                double discount = t * 1.5;
                out.write(TARIFFS[t] + "," + dates + ",P1,peak,3.45," + decimal(18.9 - discount, 2)
                        + ",0101,1231,100000,220000,\"Mon,Tue,Wed,Thu,Fri\"\n");
                out.write(TARIFFS[t] + "," + dates + ",P2,off-peak,3.45," + decimal(11.2 - discount, 2)
                        + ",0101,1231,220000,100000,\"Mon,Tue,Wed,Thu,Fri\"\n");
                out.write(TARIFFS[t] + "," + dates + ",P3,valley,3.45," + decimal(7.4 - discount, 2)
                        + ",0101,1231,000000,000000,\"Sat,Sun\"\n");
            }
        }
        return 3L * TARIFFS.length;
    }

    private long stations(Path file) throws IOException {
        try (Writer out = writer(file)) {
            out.write("stationId,lat,long,altitude,city\n");
            String[] cities = {"Barcelona", "L'Hospitalet", "Lleida"};
            int[] altitudes = {12, 8, 155};
            for (int s = 0; s < STATIONS.length; s++) {
                out.write(STATIONS[s] + "," + STATION_LAT[s] + "," + STATION_LONG[s] + "," + altitudes[s] + ","
                        + cities[s] + "\n");
            }
        }
        return STATIONS.length;
    }

    private long weather(Path file) throws IOException {
        long rows = 0;
        try (Writer out = writer(file)) {
            out.write("stationId,timestamp,v\n");
            for (int s = 0; s < STATIONS.length; s++) {
                SplittableRandom r = random(s, 2);
                for (long ts = firstHour(); ts <= lastHour(); ts += 3600) {
                    out.write(STATIONS[s] + "," + ts + "," + decimal(temperature(ts, s) + r.nextGaussian() * 0.8, 1)
                            + "\n");
                    rows++;
                }
            }
        }
        return rows;
    }

    /** {@code truthFile}: where the faults go, or null for a company without faults. */
    private long consumption(Path file, Path truthFile) throws IOException {
        long rows = 0;
        try (Writer out = writer(file); Writer truth = truthFile == null ? Writer.nullWriter() : writer(truthFile)) {
            out.write("contractId,timestamp,v,va\n");
            truth.write(Faults.HEADER);
            for (int i = 0; i < contracts; i++) {
                SplittableRandom r = random(i, 3);
                double scale = 0.5 + r.nextDouble() * 1.5;
                boolean cumulativeOnly = r.nextDouble() < CUMULATIVE_ONLY;
                boolean gappy = r.nextDouble() < GAPPY;
                double index = 10_000 + r.nextInt(50_000);
                String id = contractId(i);
                long skippedDay = -1;
                long step = interval.seconds();
                // the faults draw from a stream of their own: the readings they leave alone stay as they were
                Faults faults = truthFile == null ? null : new Faults(truth, random(i, 4), id, !cumulativeOnly,
                        firstReading(), lastHour(), step);
                for (long ts = firstReading(); ts <= lastHour(); ts += step) {
                    if (faults != null && faults.swapsAt(ts)) {
                        // the new meter reads at its own interval from the last reading of the old one
                        index = 0;
                        long last = ts - step;
                        step = faults.step();
                        ts = faults.next(last);
                    }
                    long day = (ts - 1) / 86_400;
                    // a missed day never cuts a fault's run in two (drawn all the same: the readings stay as they were)
                    if (gappy && day != skippedDay && (ts - 1) % 86_400 < step && r.nextDouble() < MISSED_DAY
                            && (faults == null || !faults.inRun())) {
                        skippedDay = day;
                    }
                    double kwh = Math.max(0.01 * step / 3600, scale * load(ts, step, i % STATIONS.length)
                            * (1 + r.nextGaussian() * 0.15));
                    index += kwh;
                    if (day == skippedDay) {
                        continue;
                    }
                    String v = cumulativeOnly ? "" : decimal(kwh, 3);
                    long stamp = ts;
                    if (faults != null) {
                        Faults.Reading reading = faults.of(ts, kwh, v, scale * TYPICAL_KWH_PER_HOUR * step / 3600);
                        if (reading == null) {
                            continue;
                        }
                        stamp = reading.timestamp();
                        v = reading.v();
                    }
                    out.write(id);
                    out.write(',');
                    out.write(Instant.ofEpochSecond(stamp).toString());
                    out.write(',');
                    out.write(v);
                    out.write(',');
                    out.write(decimal(index, 3));
                    out.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    /**
     * Household load in kWh for the interval of {@code seconds} ending at {@code ts}: the hours it spans, or its share
     * of the hour it lies in.
     */
    private double load(long ts, long seconds, int station) {
        if (seconds < 3600) {
            return load(Math.floorDiv(ts + 3599, 3600) * 3600, station) * seconds / 3600;
        }
        double kwh = 0;
        for (long hour = ts - seconds + 3600; hour <= ts; hour += 3600) {
            kwh += load(hour, station);
        }
        return kwh;
    }

    /** Household load in kWh for the hour ending at {@code ts}: daily peaks, weekends, heating and cooling. */
    private double load(long ts, int station) {
        ZonedDateTime t = Instant.ofEpochSecond(ts - 1).atZone(ZoneOffset.UTC);
        int hour = t.getHour();
        boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
        double daily = 0.18 + 0.35 * bump(hour, 8, 1.5) + 0.55 * bump(hour, 20, 2.5) + (weekend ? 0.2 * bump(hour, 13, 3)
                : 0);
        double temperature = temperature(ts, station);
        double weather = 0.045 * Math.max(0, 16 - temperature) + 0.06 * Math.max(0, temperature - 24);
        return daily + weather;
    }

    private static double bump(int hour, int peak, double width) {
        double d = hour - peak;
        return Math.exp(-d * d / (2 * width * width));
    }

    /** Air temperature: 15 °C mean, ±9 °C over the year (coldest mid-January), ±4 °C over the day (warmest 15 h). */
    private static double temperature(long ts, int station) {
        double dayOfYear = ((ts / 86_400.0) % 365.25);
        double hour = (ts % 86_400) / 3600.0;
        return 15 - station * 1.5 - 9 * Math.cos(2 * Math.PI * (dayOfYear - 15) / 365.25)
                - 4 * Math.cos(2 * Math.PI * (hour - 15) / 24);
    }

    private long firstHour() {
        return start.value().atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 3600;
    }

    /** The end of the first interval of the first month. */
    private long firstReading() {
        return start.value().atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() + interval.seconds();
    }

    private long lastHour() {
        return start.plusMonths(months).value().atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private SplittableRandom random(int item, int stream) {
        return new SplittableRandom(seed * 1_000_003L + item * 31L + stream + company.asNumber());
    }

    /** Fixed-decimal text without floating-point formatting cost or locale. */
    static String decimal(double value, int decimals) {
        long scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        long units = Math.round(value * scale);
        String sign = units < 0 ? "-" : "";
        units = Math.abs(units);
        String fraction = Long.toString(units % scale);
        return sign + units / scale + "." + "0".repeat(decimals - fraction.length()) + fraction;
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
