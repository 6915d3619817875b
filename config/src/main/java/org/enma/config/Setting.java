package org.enma.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every ENMA setting, with its property key (in {@code enma.properties}), its environment variable
 * ({@code ENMA_} + key upper-cased, dots as underscores), its command-line flag ({@code --} + key, dots as dashes) and
 * its default.
 */
public enum Setting {
    HBASE_QUORUM("hbase.quorum", "", "ZooKeeper quorum of an HBase cluster (host1,host2,...); empty: the embedded stack"),
    HBASE_PORT("hbase.port", "2181", "ZooKeeper client port of that cluster"),
    HBASE_ROOTDIR("hbase.rootdir", "", "HBase's root directory (e.g. hdfs://namenode:8020/hbase), for enma backup and"
            + " restore; empty: hbase-site.xml's, or the embedded stack's"),
    NAMESPACE("namespace", "", "HBase namespace of the ENMA tables; empty: HBase's default namespace"),
    HBASE_COMPRESSION("hbase.compression", "GZ", "compression of new tables' families (HBase algorithm name: NONE, GZ, SNAPPY, LZ4, ZSTD, ...)"),
    BULK_STAGING("bulk.staging", "", "where bulk writes put their HFiles until HBase takes them in (enma rollup's Spark"
            + " tasks, and load --bulk without --staging): region servers read it and executors write it, so a"
            + " cluster needs a directory of HBase's filesystem (hdfs://...); empty: the system temp directory"),
    MONGO_URI("mongo.uri", "", "MongoDB connection string; empty: the embedded stack"),
    MONGO_DATABASE("mongo.database", "enma", "MongoDB database of the results"),
    RETENTION_MONTHS("mongo.retention.months", "24", "months of results MongoDB keeps (enma purge; HBase keeps all)"),
    SPARK_MASTER("spark.master", "local[*]", "Spark master URL"),
    SPARK_JOBS_JAR("spark.jobs.jar", "", "the job jar a non-local Spark master gets for its executors; empty: enma-jobs.jar"
            + " beside enma.jar"),
    UNITS("units", "", "the unit the API states for a measure type's figures, over its own table (electricityConsumption"
            + " and heatConsumption kWh, gasConsumption and waterConsumption m³): type=unit or companyId/type=unit,"
            + " comma-separated, e.g. gasConsumption=kWh,1111111111/waterConsumption=l"),
    TIMEZONE("timezone", "UTC", "time zone of local dates and hours (and of timestamps uploaded without offset)"),
    DATA("data", "./enma-data", "data directory of the embedded stack"),
    STACK_ZK_PORT("stack.zk.port", "2181", "ZooKeeper port of the embedded stack (on 127.0.0.1)"),
    STACK_MONGO_PORT("stack.mongo.port", "27017", "MongoDB-protocol port of the embedded stack (on 127.0.0.1)"),
    REPORT_HEAP("report.heap", "false", "true: print the peak heap this process used after a garbage collection on"
            + " stderr when a command ends (a Spark job's driver)");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The setting written {@code key} in {@code enma.properties}, if there is one. */
    public static Optional<Setting> ofKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public String envVariable() {
        return "ENMA_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String flag() {
        return "--" + key.replace('.', '-');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
