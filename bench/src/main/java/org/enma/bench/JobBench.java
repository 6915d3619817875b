package org.enma.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.TableInputFormat;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.JobLauncher;
import org.enma.jobs.JobReport;
import org.enma.jobs.JobRequest;
import org.enma.jobs.JobRunner;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.jobs.ot101.PeerAnalytic;
import org.enma.jobs.ot101.PeerGroups;
import org.enma.jobs.ot101.Ot101Setup;
import org.enma.jobs.read.BucketSlices;
import org.enma.jobs.read.ScanSlice;
import org.enma.jobs.read.SharedConnections;
import org.enma.jobs.read.TimeRange;
import org.enma.jobs.setup.SetupFile;
import org.enma.jobs.source.EnmaCatalog;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.KeyRange;
import org.enma.schema.MeasureKey;
import org.enma.schema.Month;
import org.enma.store.MongoStore;

/**
 * One contender of scripts/bench-jobs, in a JVM of its own: {@code scan} (the month's bucket-range scans counting
 * cells, nothing else), {@code ot101} (OT101 end to end, as `enma run` does it), {@code tableinputformat} (the same
 * OT101 fed by a TableInputFormat scan of the whole table), {@code scan_year} (the same scans over the twelve months
 * OT701 reads, consumption and temperatureAir), {@code ot701} (OT701 end to end). Runs it in the same JVM once the
 * SparkSession is up: the first run pays for class loading and JIT ({@code cold}), the next ones warm up (for {@link
 * #WARM_UP}, and at least {@value #WARM_UP_RUNS} runs), the last {@value #WARM_RUNS} are the steady state a
 * long-lived driver sees, their median the figure ({@code seconds}).
 * Prints {@code cold=S warmups=N warm=S/S/S seconds=S count=N}.
 */
public final class JobBench {
    /**
     * How long a contender runs after its cold run before its runs count, and in at least {@link #WARM_UP_RUNS} runs:
     * the JIT compiles the jobs' code (HBase's client, Netty, Spark's shuffle, MongoDB's driver) for tens of seconds
     * and takes a good part of one of this machine's two cores while it does. In a JVM running OT101 twenty times,
     * the compiler was still at work 25 s in (1,000-3,000 compilations in each stretch of 4-6 s), and until the
     * fifteenth run every fourth or fifth took 1.7-2.5 s where the others took 1.1-1.4 s; the scan settles sooner.
     * After one warm-up run, the median of three said as much of where the compiler was as of the job.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    /** The fewest warm-up runs, however few {@link #WARM_UP} holds: a year's scan or OT701 takes 9-10 s a run. */
    private static final int WARM_UP_RUNS = 2;
    /**
     * Warm runs after those; their median is the figure: one run on this noisy 2-core machine moved by 30 % from run
     * to run (OT101 3.5-4.5 s on the same stack), so that a ratio of two single runs said more of the noise than of
     * the job.
     */
    private static final int WARM_RUNS = 3;

    private JobBench() {
    }

    public static void main(String[] args) throws Exception {
        String contender = args[0];
        CompanyId company = CompanyId.of(args[1]);
        Month month = Month.parse(args[2]);
        EnmaConfig config = EnmaConfig.forProcess(Map.of());
        // the session enma's commands get (enma sql, enma run), its settings included
        SparkSession spark = JobLauncher.session(config, "bench " + contender);
        long start = System.nanoTime();
        long count = run(contender, spark, config, company, month);
        double cold = (System.nanoTime() - start) / 1e9;
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        int warmUps = 0;
        while (warmUps < WARM_UP_RUNS || System.nanoTime() < warmUpEnd) {
            run(contender, spark, config, company, month);
            warmUps++;
        }
        double[] warm = new double[WARM_RUNS];
        for (int i = 0; i < warm.length; i++) {
            start = System.nanoTime();
            count = run(contender, spark, config, company, month);
            warm[i] = (System.nanoTime() - start) / 1e9;
        }
        System.out.printf("cold=%.2f warmups=%d warm=%s seconds=%.2f count=%d%n", cold, warmUps, Arrays.stream(warm)
                .mapToObj(s -> String.format("%.2f", s)).collect(Collectors.joining("/")), median(warm), count);
        spark.stop();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Runs the contender once: the cells it counted, or the results OT101 wrote. */
    private static long run(String contender, SparkSession spark, EnmaConfig config, CompanyId company, Month month)
            throws IOException {
        EnmaTable consumption = EnmaTable.measuresOf(JobRequest.DEFAULT_TYPE, company);
        if (contender.equals("scan")) {
            return scan(spark, config, consumption, TimeRange.ofMonth(month, config.timezone()));
        }
        if (contender.equals("scan_year")) {
            TimeRange year = TimeRange.ofMonths(month.plusMonths(-11), month, config.timezone());
            return scan(spark, config, consumption, year)
                    + scan(spark, config, EnmaTable.weather(JobContext.TEMPERATURE), year);
        }
        if (contender.equals("scan_sum")) {
            return scanSum(spark, config, consumption, TimeRange.ofMonth(month, config.timezone()));
        }
        if (contender.equals("hbase_spark")) {
            return hbaseSparkSum(spark, config, consumption, TimeRange.ofMonth(month, config.timezone()));
        }
        if (contender.startsWith("source") || contender.equals("catalog")) {
            return sourceSum(contender, spark, config, company, month);
        }
        JobReport report = switch (contender) {
            case "ot101" -> JobLauncher.launch(config, "OT101", company, Optional.empty(), month, Optional.empty());
            case "ot701" -> JobLauncher.launch(config, "OT701", company, Optional.empty(), month, Optional.empty());
            case "tableinputformat" -> naiveOt101(spark, config, company, month);
            default -> throw new IllegalArgumentException("unknown contender " + contender);
        };
        System.err.printf("planned in %.2f s, computed and written in %.2f s%n", report.planning().toMillis() / 1e3,
                report.computing().toMillis() / 1e3);
        return report.results();
    }

    /**
     * The floor: the rows of {@code time} read bucket range by bucket range, one Spark partition per region, cells
     * counted.
     */
    private static long scan(SparkSession spark, EnmaConfig config, EnmaTable measures, TimeRange time)
            throws IOException {
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        String table = config.tableNames().of(measures).getNameAsString();
        List<ScanSlice> slices = BucketSlices.of(SharedConnections.of(endpoints), TableName.valueOf(table));
        return new JavaSparkContext(spark.sparkContext()).parallelize(slices, slices.size()).map(slice -> {
            Connection hbase = SharedConnections.of(endpoints);
            long cells = 0;
            try (Table t = hbase.getTable(TableName.valueOf(table))) {
                for (int bucket : slice.buckets()) {
                    for (KeyRange range : MeasureKey.scanRanges(bucket, time.fromSecond(), time.toSecond())) {
                        try (ResultScanner scanner = t.getScanner(new Scan().withStartRow(range.start())
                                .withStopRow(range.stop()).setCaching(2000).setCacheBlocks(false))) {
                            for (Result r : scanner) {
                                cells += r.size();
                            }
                        }
                    }
                }
            }
            return cells;
        }).reduce(Long::sum);
    }

    /**
     * The floor of a month's {@code SELECT contractId, sum(v) ... GROUP BY contractId}: the month's bucket-range scans,
     * one Spark partition per region, {@code m:v} parsed and summed per contract in the partition, the sums merged
     * by contract. The number of contracts.
     */
    private static long scanSum(SparkSession spark, EnmaConfig config, EnmaTable measures, TimeRange time)
            throws IOException {
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        String table = config.tableNames().of(measures).getNameAsString();
        List<ScanSlice> slices = BucketSlices.of(SharedConnections.of(endpoints), TableName.valueOf(table));
        byte[] m = Bytes.toBytes("m");
        byte[] v = Bytes.toBytes("v");
        return new JavaSparkContext(spark.sparkContext()).parallelize(slices, slices.size()).mapPartitionsToPair(
                part -> {
                    Map<String, Double> sums = new HashMap<>();
                    Connection hbase = SharedConnections.of(endpoints);
                    try (Table t = hbase.getTable(TableName.valueOf(table))) {
                        ScanSlice slice = part.next();
                        for (int bucket : slice.buckets()) {
                            for (KeyRange range : MeasureKey.scanRanges(bucket, time.fromSecond(), time.toSecond())) {
                                try (ResultScanner scanner = t.getScanner(new Scan().withStartRow(range.start())
                                        .withStopRow(range.stop()).addColumn(m, v).setCaching(2000)
                                        .setCacheBlocks(false))) {
                                    for (Result r : scanner) {
                                        sums.merge(MeasureKey.idOf(r.getRow()),
                                                Double.parseDouble(Bytes.toString(r.getValue(m, v))), Double::sum);
                                    }
                                }
                            }
                        }
                    }
                    List<scala.Tuple2<String, Double>> pairs = new ArrayList<>();
                    sums.forEach((id, sum) -> pairs.add(new scala.Tuple2<>(id, sum)));
                    return pairs.iterator();
                }).reduceByKey(Double::sum).collect().size();
    }

    /**
     * The same query through the {@code enma} data source ({@code source}) or the SQL catalog ({@code catalog}), for
     * the rows that have a {@code v} as the floor counts them; {@code source_every_row} leaves out {@code v IS NOT
     * NULL}, so that the scan must bring every row (a row without {@code v} is still a row to SQL).
     */
    private static long sourceSum(String contender, SparkSession spark, EnmaConfig config, CompanyId company,
                                  Month month) {
        String first = month.value().atDay(1).toString();
        String next = month.value().plusMonths(1).atDay(1).toString();
        // the month by the interval convention: the same rows as the scan's time range
        String where = "date >= DATE '" + first + "' AND date < DATE '" + next + "'";
        String withV = where + " AND v IS NOT NULL";
        if (contender.equals("catalog")) {
            EnmaCatalog.register(spark, config);
            return spark.sql("SELECT contractId, sum(v) FROM enma." + EnmaCatalog.namespaceOf(company)
                    + ".electricityConsumption WHERE " + withV + " GROUP BY contractId").collectAsList().size();
        }
        return spark.read().format("enma").option("company", company.value()).option("table", "consumption")
                .load().where(contender.equals("source") ? withV : where).groupBy("contractId").sum("v")
                .collectAsList().size();
    }

    /**
     * The same query as a user of HBase's own connector ({@code hbase-spark}, format {@code
     * org.apache.hadoop.hbase.spark}) writes it: the row key is one string column, so the month is found by parsing the
     * key in Spark — every row of the table is read. Its HBase settings come from the hbase-site.xml on the classpath
     * (scripts/bench-source writes one).
     */
    private static long hbaseSparkSum(SparkSession spark, EnmaConfig config, EnmaTable measures, TimeRange time) {
        TableName table = config.tableNames().of(measures);
        String catalog = "{\"table\": {\"namespace\": \"" + table.getNamespaceAsString() + "\", \"name\": \""
                + table.getQualifierAsString() + "\"}, \"rowkey\": \"key\", \"columns\": {"
                + "\"key\": {\"cf\": \"rowkey\", \"col\": \"key\", \"type\": \"string\"},"
                + " \"v\": {\"cf\": \"m\", \"col\": \"v\", \"type\": \"string\"}}}";
        return spark.read().format("org.apache.hadoop.hbase.spark").option("catalog", catalog)
                .option("hbase.spark.use.hbasecontext", "false")
                // its own pushdown filter runs in the region servers, which would need the connector's jar (and its
                // protobuf classes do not load beside HBase 2.6's): off, as its users on a stock cluster must
                .option("hbase.spark.pushdown.columnfilter", "false").load()
                .selectExpr("split(key, '~') AS k", "CAST(v AS DOUBLE) AS v")
                .where("CAST(k[1] AS BIGINT) >= " + time.fromSecond() + " AND CAST(k[1] AS BIGINT) < "
                        + time.toSecond())
                .selectExpr("k[2] AS contractId", "v").groupBy("contractId").sum("v").collectAsList().size();
    }

    /** What a naive Spark job does: TableInputFormat over the whole table, the month filtered out in Spark. */
    private static JobReport naiveOt101(SparkSession spark, EnmaConfig config, CompanyId company, Month month)
            throws IOException {
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        Analytic overTableInputFormat = new Analytic() {
            @Override
            public String name() {
                return "OT101";
            }

            @Override
            public JavaRDD<Outcome> run(JobContext job) throws IOException {
                Configuration conf = endpoints.hbaseConfiguration();
                conf.set(TableInputFormat.INPUT_TABLE, config.tableNames().of(job.consumptionTable()).getNameAsString());
                conf.set(TableInputFormat.SCAN_COLUMNS, "m:v");
                conf.set(TableInputFormat.SCAN_CACHEDROWS, "2000");
                conf.set(TableInputFormat.SCAN_CACHEBLOCKS, "false");
                List<Month> months = List.of(month);
                LocalHours hours = new LocalHours(config.timezone());
                JavaPairRDD<String, MonthlyUsage> usage = new JavaSparkContext(spark.sparkContext())
                        .newAPIHadoopRDD(conf, TableInputFormat.class, ImmutableBytesWritable.class, Result.class)
                        .mapToPair(row -> {
                            MeasureKey key = MeasureKey.decode(row._2().getRow());
                            byte[] v = row._2().getValue(Bytes.toBytes("m"), Bytes.toBytes("v"));
                            MonthlyUsage one = new MonthlyUsage(months);
                            one.add(hours.of(key.timestamp()), Double.parseDouble(new String(v, StandardCharsets.UTF_8)),
                                    false);
                            return new scala.Tuple2<>(key.id(), one);
                        })
                        .reduceByKey(MonthlyUsage::merge)
                        .filter(contract -> !contract._2().isEmpty());
                Ot101Setup setup = Ot101Setup.DEFAULTS;
                return PeerGroups.compare(PeerGroups.contractMonths(job, setup, months, usage), setup)
                        .map(c -> c.found().map(f -> Outcome.result(c.month().contractId(), f.rounded().fields()))
                                .orElseGet(() -> Outcome.skipped(c.month().contractId(), PeerAnalytic.NO_GROUP)));
            }
        };
        try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase())) {
            return new JobRunner(mongo.database(), config, spark).run(overTableInputFormat,
                    new JobRequest(company, JobRequest.DEFAULT_TYPE, month,
                            SetupFile.read(Optional.empty(), "OT101", Ot101Setup.PARAMETERS)));
        }
    }
}
