package org.enma.jobs.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.bson.types.ObjectId;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.jobs.Analytics;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.EnmaException;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.store.JobRuns;
import org.enma.store.MongoStore;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;
import org.enma.store.SetupIds;
import org.enma.store.Setups;

/**
 * Writes a data scientist's own analytic back: every row a result of one contract and month, through the same
 * {@link ResultSink} as the built-in analytics (MongoDB {@code OTnnnResults} and the HBase mirror {@code otnnn}), with
 * its setup saved and a {@code jobRuns} record per month. The columns are checked when the write is planned and every
 * row by the tasks; the driver writes only once every task succeeded, so a bad row leaves the stores untouched. The
 * result keys hold the setup's id: writing the same rows with the same setup again overwrites them.
 */
final class ResultWrite implements WriteBuilder, Write, BatchWrite {
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
    public BatchWrite toBatch() {
        return this;
    }

    @Override
    public String description() {
        return "enma results " + table.ot() + " of company " + table.company();
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        ResultColumns rows = columns;
        return (DataWriterFactory) (partition, task) -> new Collecting(rows);
    }

    /** The rows of one task, checked and sent to the driver when the task ends well. */
    private record Rows(List<ResultColumns.Row> rows) implements WriterCommitMessage {
    }

    private static final class Collecting implements DataWriter<InternalRow> {
        private final ResultColumns columns;
        private final List<ResultColumns.Row> rows = new ArrayList<>();

        Collecting(ResultColumns columns) {
            this.columns = columns;
        }

        @Override
        public void write(InternalRow row) {
            rows.add(columns.of(row));
        }

        @Override
        public WriterCommitMessage commit() {
            return new Rows(List.copyOf(rows));
        }

        @Override
        public void abort() {
            rows.clear();
        }

        @Override
        public void close() {
            rows.clear();
        }
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        SetupId setupId = SetupIds.of(setup);
        Map<Month, Map<String, ResultDocument>> byMonth = new TreeMap<>();
        for (WriterCommitMessage message : messages) {
            for (ResultColumns.Row row : ((Rows) message).rows()) {
                ResultDocument doc = new ResultDocument(new ResultKey(row.month(), table.company(), row.contractId(),
                        setupId), row.fields());
                if (byMonth.computeIfAbsent(row.month(), m -> new TreeMap<>()).put(row.contractId(), doc) != null) {
                    throw new EnmaException("enma write: contract " + row.contractId() + " has two rows for month "
                            + row.month() + "; an analytic has one result per contract and month");
                }
            }
        }
        Connection hbase = SharedConnections.of(endpoints);
        try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase());
             Admin admin = hbase.getAdmin()) {
            new Setups(mongo.database()).save(setup);
            JobRuns runs = new JobRuns(mongo.database());
            ResultSink sink = new ResultSink(mongo.database(), hbase, new org.enma.schema.TableCreator(admin,
                    config.tableNames(), config.compression()));
            for (Map.Entry<Month, Map<String, ResultDocument>> month : byMonth.entrySet()) {
                ObjectId run = runs.started(table.ot(), table.company().asNumber(), RUN_TYPE,
                        month.getKey().asNumber(), setupId.value());
                List<ResultDocument> results = List.copyOf(month.getValue().values());
                try {
                    sink.write(table.ot(), results);
                } catch (RuntimeException e) {
                    runs.failed(run, e.getMessage());
                    throw e;
                }
                runs.succeeded(run, results.size(), results.size(), Map.of(), List.of());
            }
        } catch (java.io.IOException e) {
            throw new EnmaException("enma write: cannot reach HBase: " + e.getMessage(), e);
        }
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        // nothing was written: the driver writes in commit only
    }
}
