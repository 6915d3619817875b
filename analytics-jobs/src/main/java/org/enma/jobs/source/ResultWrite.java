package org.enma.jobs.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.V1Write;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.sources.InsertableRelation;
import org.apache.spark.storage.StorageLevel;
import org.bson.types.ObjectId;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.jobs.Analytics;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.schema.TableCreator;
import org.enma.store.JobRuns;
import org.enma.store.MongoStore;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;
import org.enma.store.SetupIds;
import org.enma.store.Setups;
import scala.Tuple2;

/**
 * Writes a data scientist's own analytic back: every row a result of one contract and month, through the same
 * {@link ResultSink} as the built-in analytics (MongoDB {@code OTnnnResults} and the HBase mirror {@code otnnn}), with
 * its setup saved and a {@code jobRuns} record per month. The columns are checked when the write is planned, then
 * every row by a first pass of Spark tasks; only when all are good do the tasks of a second pass write them (the rows
 * kept from the first), so a bad row leaves the stores untouched and no row travels to the driver. Spark hands the
 * whole Dataset to {@link InsertableRelation#insert} for that ({@code V1_BATCH_WRITE}). The result keys hold the
 * setup's id: writing the same rows with the same setup again overwrites them.
 */
final class ResultWrite implements WriteBuilder, V1Write {
    /** The {@code type} of a written-back run in jobRuns: its rows came from Spark, not from a measure table. */
    static final String RUN_TYPE = "spark";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceTable table;
    private final EnmaConfig config;
    private final Endpoints endpoints;
    private final ResultColumns columns;
    private final Map<String, Object> setup;

    ResultWrite(SourceTable table, EnmaConfig config, Endpoints endpoints, LogicalWriteInfo info) {
        if (Analytics.names().contains(table.ot())) {
            throw new EnmaException("enma write: " + table.ot() + " is an analytic ENMA computes itself (enma run);"
                    + " give yours a number of its own, e.g. OT950");
        }
        this.table = table;
        this.config = config;
        this.endpoints = endpoints;
        this.columns = new ResultColumns(info.schema());
        this.setup = new LinkedHashMap<>();
        setup.put("ot", table.ot());
        setup.put("companyId", table.company().asNumber());
        setup.put("type", RUN_TYPE);
        setup.put("parameters", parameters(info.options().get(SourceOptions.SETUP)));
    }

    private static Map<String, Object> parameters(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = JSON.readValue(json, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                Map<String, Object> parameters = new TreeMap<>();
                map.forEach((k, v) -> parameters.put(String.valueOf(k), v));
                return parameters;
            }
        } catch (JsonProcessingException e) {
            throw new EnmaException("enma write: option setup is no JSON: " + e.getOriginalMessage());
        }
        throw new EnmaException("enma write: option setup must be a JSON object, e.g. {\"threshold\": 10}");
    }

    @Override
    public Write build() {
        return this;
    }

    @Override
    public String description() {
        return "enma results " + table.ot() + " of company " + table.company();
    }

    @Override
    public InsertableRelation toInsertableRelation() {
        return (data, overwrite) -> insert(data);
    }

    /**
     * Checks every row on the executors (its columns, one row per contract and month), then, only if all are good,
     * writes them from the executors: one {@link ResultSink.Writer} per task, a {@code jobRuns} record per month.
     */
    private void insert(Dataset<Row> data) {
        ResultColumns rowsOf = columns;
        JavaRDD<ResultColumns.Row> rows = data.queryExecution().toRdd().toJavaRDD().map(rowsOf::of)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<Month, Long> months = checked(rows);
            if (months.isEmpty()) {
                return;
            }
            SetupId setupId = SetupIds.of(setup);
            Connection hbase = SharedConnections.of(endpoints);
            try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase());
                 Admin admin = hbase.getAdmin()) {
                new Setups(mongo.database()).save(setup);
                ResultSink.Target target = new ResultSink(mongo.database(), hbase, new TableCreator(admin,
                        config.tableNames(), config.compression())).prepare(table.ot());
                JobRuns runs = new JobRuns(mongo.database());
                Map<Month, ObjectId> started = new TreeMap<>();
                months.keySet().forEach(month -> started.put(month, runs.started(table.ot(),
                        table.company().asNumber(), RUN_TYPE, month.asNumber(), setupId.value())));
                try {
                    write(rows, target, setupId);
                } catch (RuntimeException e) {
                    started.values().forEach(run -> runs.failed(run, e.getMessage()));
                    throw e;
                }
                started.forEach((month, run) -> runs.succeeded(run, months.get(month), months.get(month), Map.of(),
                        List.of()));
            } catch (IOException e) {
                throw new EnmaException("enma write: cannot reach HBase: " + e.getMessage(), e);
            }
        } finally {
            rows.unpersist(false);
        }
    }

    /** The rows per month, once every row is known to be good and alone in its contract and month. */
    private static Map<Month, Long> checked(JavaRDD<ResultColumns.Row> rows) {
        JavaPairRDD<Tuple2<Month, String>, Long> perKey = rows.mapToPair(r -> new Tuple2<>(
                new Tuple2<>(r.month(), r.contractId()), 1L)).reduceByKey(Long::sum);
        for (Tuple2<Tuple2<Month, String>, Long> twice : perKey.filter(key -> key._2() > 1).take(1)) {
            throw new EnmaException("enma write: contract " + twice._1()._2() + " has two rows for month "
                    + twice._1()._1() + "; an analytic has one result per contract and month");
        }
        return new TreeMap<>(perKey.keys().map(Tuple2::_1).countByValue());
    }

    private void write(JavaRDD<ResultColumns.Row> rows, ResultSink.Target target, SetupId setupId) {
        Endpoints where = endpoints;
        CompanyId company = table.company();
        rows.foreachPartition(partition -> {
            MongoDatabase mongo = MongoStore.shared(where.mongoUri(), where.mongoDatabase()).database();
            try (ResultSink.Writer writer = ResultSink.writer(mongo, SharedConnections.of(where), target)) {
                partition.forEachRemaining(row -> writer.add(new ResultDocument(new ResultKey(row.month(), company,
                        row.contractId(), setupId), row.fields())));
            }
        });
    }
}
