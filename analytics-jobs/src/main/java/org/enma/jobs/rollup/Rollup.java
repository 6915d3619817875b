package org.enma.jobs.rollup;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.CompareFilter;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.enma.config.Endpoints;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Month;
import org.enma.schema.Period;
import org.enma.schema.PeriodKey;
import org.enma.store.RollupPending;
import scala.Tuple2;

/**
 * {@code enma rollup}: the period table of a consumption table (docs/data-model.md § Period tables). The raw rows of the
 * days to do are read once; each contract's hours are summed where they are read, then each contract's rows are
 * written by the Spark task that holds it ({@link PeriodTree}), and last the company totals on the driver: their
 * hours and days from every contract's raw rows of those days, the periods above from the company's days, months and
 * quarters, and {@code c} by counting the contracts' rows of each period.
 */
public final class Rollup {
    static final MeasureFields READ = MeasureFields.INSTANT.withEveryText();

    private Rollup() {
    }


    /** What a run did: contract-days recomputed, period-table rows written (company totals included). */
    public record Counts(long days, long rows) {
        public String line() {
            return "days=" + days + " rows=" + rows;
        }
    }

    /** Recomputes the periods of months {@code from} … {@code to} of a consumption table from its raw rows. */
    public static Counts rebuild(EnmaData data, CompanyId company, String type, Month from, Month to)
            throws IOException {
        EnmaTable measures = EnmaTable.measuresOf(type, company);
        data.existing(measures);
        return run(data, measures, List.of(TimeRange.ofMonths(from, to, data.zone())), null);
    }

    /**
     * Brings the period table up to date: recomputes the periods of the contract-days loads and derive recorded as
     * pending, then removes those records (not the ones recorded again meanwhile).
     */
    public static Counts incremental(EnmaData data, RollupPending pending, CompanyId company, String type)
            throws IOException {
        EnmaTable measures = EnmaTable.measuresOf(type, company);
        String table = data.existing(measures).getNameAsString();
        List<RollupPending.Taken> taken = pending.take(table);
        if (taken.isEmpty()) {
            return new Counts(0, 0);
        }
        Map<LocalDate, Set<String>> days = new HashMap<>();
        taken.forEach(t -> days.put(t.day(), t.contracts().map(c -> (Set<String>) new HashSet<>(c)).orElse(null)));
        Counts counts = run(data, measures, rangesOf(days.keySet(), data.zone()), new DaysToDo(days));
        pending.done(table, taken);
        return counts;
    }

    /** The contract-days an incremental run redoes: per day its contracts, or null for every contract of the day. */
    record DaysToDo(Map<LocalDate, Set<String>> days) implements java.io.Serializable {
        boolean contains(String contractId, LocalDate day) {
            if (!days.containsKey(day)) {
                return false;
            }
            Set<String> contracts = days.get(day);
            return contracts == null || contracts.contains(contractId);
        }
    }

    /** The fewest time ranges holding the measures of {@code days}: consecutive days share one. */
    static List<TimeRange> rangesOf(Set<LocalDate> days, ZoneId zone) {
        List<LocalDate> sorted = days.stream().sorted().toList();
        List<TimeRange> ranges = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !sorted.get(i).equals(sorted.get(i - 1).plusDays(1))) {
                long from = sorted.get(first).atStartOfDay(zone).toEpochSecond();
                long to = sorted.get(i - 1).plusDays(1).atStartOfDay(zone).toEpochSecond();
                ranges.add(new TimeRange(from + 1, to + 1));
                first = i;
            }
        }
        return ranges;
    }

    /** {@code only}: the contract-days whose contract rows to redo; null: every one with measures in the ranges. */
    static Counts run(EnmaData data, EnmaTable measures, List<TimeRange> ranges, DaysToDo only)
            throws IOException {
        TableName periods;
        try (Admin admin = data.hbase().getAdmin()) {
            periods = data.tableCreator(admin).ensure(EnmaTable.periodsOf(measures));
        }
        String name = periods.getNameAsString();
        ZoneId zone = data.zone();
        Endpoints where = data.endpoints();
        JavaPairRDD<Tuple2<String, LocalDateTime>, PeriodFigures> hours = data.measures(measures, ranges, READ)
                .mapPartitionsToPair(partition -> {
                    LocalHours local = new LocalHours(zone);
                    Map<Tuple2<String, LocalDateTime>, PeriodFigures> sums = new HashMap<>();
                    partition.forEachRemaining(m -> m.text(MeasureColumns.V).ifPresent(v -> sums
                            .computeIfAbsent(new Tuple2<>(m.id(), local.of(m.timestamp())), k -> new PeriodFigures())
                            .add(v, m.text(MeasureColumns.ENERGY_COST).orElse(null), periodsOf(m))));
                    List<Tuple2<Tuple2<String, LocalDateTime>, PeriodFigures>> pairs = new ArrayList<>();
                    sums.forEach((k, f) -> pairs.add(new Tuple2<>(k, f)));
                    return pairs.iterator();
                })
                .reduceByKey(PeriodFigures::merge)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Broadcast<DaysToDo> wanted = only == null ? null
                : new JavaSparkContext(data.spark().sparkContext()).broadcast(only);
        try {
            long[] contracts = hours
                    .filter(e -> wanted == null || wanted.value().contains(e._1()._1(), e._1()._2().toLocalDate()))
                    .mapToPair(e -> new Tuple2<>(e._1()._1(), new Tuple2<>(e._1()._2(), e._2())))
                    .groupByKey()
                    .mapPartitions(partition -> {
                        long[] done = new long[2];
                        Connection hbase = SharedConnections.of(where);
                        try (Table table = hbase.getTable(TableName.valueOf(name));
                             BufferedMutator out = hbase.getBufferedMutator(TableName.valueOf(name))) {
                            while (partition.hasNext()) {
                                var contract = partition.next();
                                NavigableMap<LocalDateTime, PeriodFigures> contractHours = new TreeMap<>();
                                contract._2().forEach(h -> contractHours.put(h._1(), h._2()));
                                NavigableMap<LocalDateTime, PeriodFigures> contractDays = byDay(contractHours);
                                done[0] += contractDays.size();
                                done[1] += PeriodTree.write(table, out, contract._1(), contractHours, contractDays,
                                        null).size();
                            }
                        }
                        return List.of(done).iterator();
                    })
                    .fold(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            NavigableMap<LocalDateTime, PeriodFigures> companyHours = new TreeMap<>(hours
                    .mapToPair(e -> new Tuple2<>(e._1()._2(), e._2().asContractOfTotal()))
                    .reduceByKey(PeriodFigures::merge).collectAsMap());
            NavigableMap<LocalDateTime, PeriodFigures> companyDays = new TreeMap<>(hours
                    .mapToPair(e -> new Tuple2<>(new Tuple2<>(e._1()._1(), Period.DAY.startOf(e._1()._2())), e._2()))
                    .reduceByKey(PeriodFigures::merge)
                    .mapToPair(e -> new Tuple2<>(e._1()._2(), e._2().asContractOfTotal()))
                    .reduceByKey(PeriodFigures::merge).collectAsMap());
            long companyRows = 0;
            if (!companyDays.isEmpty()) {
                Connection hbase = data.hbase();
                try (Table table = hbase.getTable(periods); BufferedMutator out = hbase.getBufferedMutator(periods)) {
                    PeriodTree.ContractCount count = contractCounts(table, companyDays.keySet());
                    companyRows = PeriodTree.write(table, out, "", companyHours, companyDays, count).size();
                }
            }
            return new Counts(contracts[0], contracts[1] + companyRows);
        } finally {
            hours.unpersist(false);
            if (wanted != null) {
                wanted.destroy();
            }
        }
    }

    private static NavigableMap<LocalDateTime, PeriodFigures> byDay(NavigableMap<LocalDateTime, PeriodFigures> hours) {
        NavigableMap<LocalDateTime, PeriodFigures> days = new TreeMap<>();
        hours.forEach((hour, f) -> days.merge(Period.DAY.startOf(hour), f, PeriodFigures::merge));
        return days;
    }

    /** A measure's {@code pN} texts by N (tou and tertiary tables). */
    private static Map<Integer, String> periodsOf(Measure m) {
        Map<Integer, String> periods = new HashMap<>();
        m.texts().forEach((q, text) -> MeasureColumns.periodNumber(q).ifPresent(n -> periods.put(n, text)));
        return periods;
    }

    /**
     * How many contracts have a row of each week, month, quarter and year containing {@code days}: one scan of each
     * family (a family's scan reads only its own files) keeping the rows whose start is one of those periods'.
     */
    private static PeriodTree.ContractCount contractCounts(Table table, Set<LocalDateTime> days) throws IOException {
        Map<Period, Map<LocalDateTime, Long>> counts = new HashMap<>();
        for (Period period : List.of(Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR)) {
            Set<LocalDateTime> starts = new TreeSet<>();
            days.forEach(d -> starts.add(period.startOf(d)));
            Map<LocalDateTime, Long> perStart = new HashMap<>();
            Scan scan = new Scan().addFamily(period.family().bytes()).setCaching(5000).setCacheBlocks(false)
                    .setFilter(new FilterList(new RowFilter(CompareFilter.CompareOp.EQUAL, new RegexStringComparator(
                            PeriodKey.startsPattern(starts))), new KeyOnlyFilter()));
            try (ResultScanner scanner = table.getScanner(scan)) {
                for (Result row : scanner) {
                    perStart.merge(PeriodKey.decode(row.getRow()).start(), 1L, Long::sum);
                }
            }
            counts.put(period, perStart);
        }
        return (period, start) -> counts.get(period).getOrDefault(start, 0L);
    }
}
