package org.enma.jobs.rollup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.enma.config.Endpoints;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.read.TimeRange;
import org.enma.jobs.rollup.PeriodWalk.Reading;
import org.enma.jobs.rollup.PeriodWalk.Step;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Month;
import org.enma.store.MongoStore;
import org.enma.store.RollupPending;
import scala.Tuple2;

/**
 * {@code enma rollup}: the period table of a consumption table (docs/data-model.md § Period tables). The raw rows of
 * the days to do are read once and go through one sorted shuffle that brings each contract's readings together in time
 * order, behind the days to redo for it alone (those recorded, read by the executors, and for whole days those already
 * in the period table, so that a contract-day without a reading left loses its rows: {@link PeriodKeyScans}), the
 * contracts of a task in the period table's key order and of one salt ({@link PeriodPlace}); each task walks its
 * contracts one at a time ({@link PeriodWalk}), summing a contract's hours and days and writing its changed rows of the
 * days to do ({@link PeriodTree}) into HFiles ({@link HFileCells}) — a contract's hours in memory, never a task's. The
 * driver bulk-loads the tasks' files once all have written ({@link Staging}). Last the company totals: their hours and
 * days summed on the executors from the tasks' parts and written by the driver (a few figures per period), the periods
 * above from the company's days, months and quarters, and {@code c} counted by Spark tasks over the contracts' rows of
 * each period ({@link PeriodKeyScans}). Nothing per contract reaches the driver.
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

    /**
     * Recomputes the periods of months {@code from} … {@code to} of a consumption table from its raw rows. The days of
     * those months recorded as pending are done with it: they are removed (unless recorded again meanwhile), so that
     * the next incremental run does not redo them; days of other months stay pending.
     */
    public static Counts rebuild(EnmaData data, RollupPending pending, CompanyId company, String type, Month from,
                                 Month to) throws IOException {
        EnmaTable measures = EnmaTable.measuresOf(type, company);
        String table = data.existing(measures).getNameAsString();
        LocalDate first = from.value().atDay(1);
        LocalDate last = to.value().atEndOfMonth();
        List<RollupPending.Taken> within = pending.take(table).stream()
                .filter(t -> !t.day().isBefore(first) && !t.day().isAfter(last)).toList();
        Counts counts = run(data, measures, new TreeSet<>(first.datesUntil(last.plusDays(1)).toList()), null);
        pending.done(table, within);
        return counts;
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
        Set<LocalDate> days = new TreeSet<>();
        Set<LocalDate> whole = new TreeSet<>();
        List<LocalDate> listed = new ArrayList<>();
        taken.forEach(t -> {
            days.add(t.day());
            if (t.whole()) {
                whole.add(t.day());
            } else {
                listed.add(t.day());
            }
        });
        Counts counts = run(data, measures, days, new DaysToDo(whole, listedContracts(data, table, listed)));
        pending.done(table, taken);
        return counts;
    }

    /** The contracts recorded for each of {@code days}, as Spark data: each task reads a few days' lists. */
    private static JavaPairRDD<String, LocalDate> listedContracts(EnmaData data, String table, List<LocalDate> days) {
        Endpoints where = data.endpoints();
        JavaSparkContext spark = new JavaSparkContext(data.spark().sparkContext());
        return spark.parallelize(days, Math.max(1, Math.min(days.size(), spark.defaultParallelism())))
                .flatMapToPair(day -> new RollupPending(MongoStore.shared(where.mongoUri(), where.mongoDatabase())
                        .database()).contracts(table, day).stream().map(c -> new Tuple2<>(c, day)).iterator());
    }

    /** The contract-days an incremental run redoes: every contract's of the {@code whole} days, and those listed. */
    record DaysToDo(Set<LocalDate> whole, JavaPairRDD<String, LocalDate> listed) {
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

    /**
     * Redoes the company's periods of {@code days}, and of those days the contract-days {@code only} names (null:
     * every contract's) — contract-days whose readings are all gone included: their rows are removed.
     */
    static Counts run(EnmaData data, EnmaTable measures, Set<LocalDate> days, DaysToDo only) throws IOException {
        TableName periods;
        Map<String, HFileCells.Format> formats = new HashMap<>();
        try (Admin admin = data.hbase().getAdmin()) {
            periods = data.tableCreator(admin).ensure(EnmaTable.periodsOf(measures));
            for (ColumnFamilyDescriptor family : admin.getDescriptor(periods).getColumnFamilies()) {
                formats.put(family.getNameAsString(), HFileCells.Format.of(family));
            }
        }
        try (Staging staging = Staging.of(data)) {
            return rollUp(data, measures, days, only, periods, formats, staging);
        }
    }

    private static Counts rollUp(EnmaData data, EnmaTable measures, Set<LocalDate> days, DaysToDo only,
                                 TableName periods, Map<String, HFileCells.Format> formats, Staging staging)
            throws IOException {
        String name = periods.getNameAsString();
        Endpoints where = data.endpoints();
        LocalHours local = new LocalHours(data.zone());
        // one timestamp for the run's cells: later than any earlier run's, so they supersede what it stored
        long timestamp = System.currentTimeMillis();
        String dir = staging.dir().toString();
        JavaRDD<Measure> read = data.measures(measures, rangesOf(days, data.zone()), READ);
        Set<LocalDate> whole = only == null ? null : only.whole();
        // the contract-days to redo whatever their readings: those recorded, and those of whole days already stored
        JavaPairRDD<String, LocalDate> listed = PeriodKeyScans.storedDays(data, name, whole == null ? days : whole);
        if (only != null) {
            listed = listed.union(only.listed());
        }
        JavaPairRDD<PeriodPlace, Step> steps = read
                .filter(m -> m.text(MeasureColumns.V).isPresent())
                .mapToPair(m -> new Tuple2<>(PeriodPlace.of(m.id(), m.timestamp()), Step.of(Reading.of(m))))
                .union(listed.mapToPair(c -> new Tuple2<>(PeriodPlace.of(c._1(), Long.MIN_VALUE),
                        Step.listed(c._2()))));
        PeriodPlace.BySalt bySalt = PeriodPlace.BySalt.atLeast(Math.max(read.getNumPartitions(),
                data.spark().sparkContext().defaultParallelism()));
        JavaRDD<PeriodWalk.Sums> walked = steps
                .repartitionAndSortWithinPartitions(bySalt, PeriodPlace.ORDER)
                .mapPartitions(sorted -> {
                    Connection hbase = SharedConnections.of(where);
                    try (Table table = hbase.getTable(TableName.valueOf(name));
                         HFileCells out = new HFileCells(hbase.getConfiguration(), new Path(dir),
                                 "t" + TaskContext.get().taskAttemptId(), timestamp, formats)) {
                        PeriodWalk.Sums sums = PeriodWalk.walk(sorted, local, whole, table, out);
                        return List.of(sums.withFiles(out.finish())).iterator();
                    }
                })
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // one element per task: its counts and the names of its files
            List<Tuple2<long[], Map<String, List<String>>>> tasks = walked
                    .map(s -> new Tuple2<>(new long[] {s.days(), s.rows()}, s.files())).collect();
            long contractDays = 0;
            long rows = 0;
            List<Map<String, List<String>>> files = new ArrayList<>();
            for (Tuple2<long[], Map<String, List<String>>> task : tasks) {
                contractDays += task._1()[0];
                rows += task._1()[1];
                files.add(task._2());
            }
            // the company's parts are summed by Spark while HBase takes the files in
            JavaFutureAction<List<Tuple2<Tuple2<Integer, LocalDateTime>, PeriodFigures>>> companyParts =
                    companyParts(walked).collectAsync();
            try {
                staging.load(data.hbase(), periods, files, bySalt.numPartitions());
            } catch (IOException | RuntimeException e) {
                companyParts.cancel(true);
                throw e;
            }
            return new Counts(contractDays, rows + writeCompanyTotals(data, periods, awaited(companyParts), days));
        } finally {
            walked.unpersist(false);
        }
    }

    /** A Spark job's result; its failure as the job threw it, wrapped only when checked (Spark's own). */
    private static <T> T awaited(Future<T> job) throws IOException {
        try {
            return job.get();
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while summing the company's hours and days");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The company's figures of each hour (keyed 0) and day (keyed 1), summed over the tasks' parts: one per period. */
    private static JavaPairRDD<Tuple2<Integer, LocalDateTime>, PeriodFigures> companyParts(
            JavaRDD<PeriodWalk.Sums> walked) {
        return walked.flatMapToPair(s -> {
            List<Tuple2<Tuple2<Integer, LocalDateTime>, PeriodFigures>> parts = new ArrayList<>();
            s.companyHours().forEach((hour, f) -> parts.add(new Tuple2<>(new Tuple2<>(0, hour), f)));
            s.companyDays().forEach((day, f) -> parts.add(new Tuple2<>(new Tuple2<>(1, day), f)));
            return parts.iterator();
        }).reduceByKey(PeriodFigures::merge);
    }

    /**
     * Writes the company's periods of {@code days} from their summed {@code parts}, a day without a reading left
     * removed; the rows written.
     */
    private static long writeCompanyTotals(EnmaData data, TableName periods,
                                           List<Tuple2<Tuple2<Integer, LocalDateTime>, PeriodFigures>> parts,
                                           Set<LocalDate> days) throws IOException {
        NavigableMap<LocalDateTime, PeriodFigures> hours = new TreeMap<>();
        NavigableMap<LocalDateTime, PeriodFigures> totals = new TreeMap<>();
        days.forEach(day -> totals.put(day.atStartOfDay(), new PeriodFigures()));
        parts.forEach(part -> (part._1()._1() == 0 ? hours : totals).put(part._1()._2(), part._2()));
        Connection hbase = data.hbase();
        try (Table table = hbase.getTable(periods); BufferedMutator out = hbase.getBufferedMutator(periods)) {
            PeriodTree.ContractCount count = PeriodKeyScans.contractCounts(data, periods.getNameAsString(),
                    totals.keySet());
            return PeriodTree.write(table, new MutatorCells(out), "", hours, totals, count).size();
        }
    }
}
