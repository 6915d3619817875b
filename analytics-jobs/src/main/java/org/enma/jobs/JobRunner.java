package org.enma.jobs;

import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.spark.sql.SparkSession;
import org.bson.types.ObjectId;
import org.enma.config.EnmaConfig;
import org.enma.jobs.read.EnmaData;
import org.enma.schema.EnmaException;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.store.JobRuns;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;
import org.enma.store.Setups;

/**
 * Runs one analytic for one request: saves the setup (content-hash id), records the run in {@code jobRuns}, lets the
 * analytic compute, writes its results to MongoDB and the HBase mirror, and records how the run ended — {@code
 * failed} with the reason when anything goes wrong after the run was recorded. Results are upserts by key, so a rerun
 * after a failure leaves exactly one result per key.
 */
public final class JobRunner {
    private final MongoDatabase mongo;
    private final EnmaConfig config;
    private final SparkSession spark;

    public JobRunner(MongoDatabase mongo, EnmaConfig config, SparkSession spark) {
        this.mongo = mongo;
        this.config = config;
        this.spark = spark;
    }

    public JobReport run(Analytic analytic, JobRequest request) {
        analytic.check(request.parameters());
        SetupId setupId = new Setups(mongo).save(setupOf(analytic, request));
        JobRuns runs = new JobRuns(mongo);
        ObjectId run = runs.started(analytic.name(), request.company().asNumber(), request.type(),
                request.month().asNumber(), setupId.value());
        try {
            EnmaData data = EnmaData.open(spark, config);
            data.existing(request.consumptionTable());
            Outcome outcome = analytic.run(new JobContext(data, request.company(), request.type(), request.month(),
                    request.parameters()));
            List<ResultDocument> results = outcome.results().stream().map(r -> new ResultDocument(
                    new ResultKey(request.month(), request.company(), r.contractId(), setupId), r.fields())).toList();
            try (Admin admin = data.hbase().getAdmin()) {
                new ResultSink(mongo, data.hbase(), data.tableCreator(admin)).write(analytic.name(), results);
            }
            runs.succeeded(run, outcome.contractsSeen(), results.size(), outcome.skipped());
            return new JobReport(analytic.name(), setupId, outcome.contractsSeen(), results.size(), outcome.skipped());
        } catch (Exception e) {
            String reason = Failures.messageOf(e);
            try {
                runs.failed(run, reason);
            } catch (RuntimeException unrecorded) {
                reason += " (the failure could not be recorded in jobRuns: " + Failures.messageOf(unrecorded) + ")";
            }
            throw new EnmaException(analytic.name() + " failed: " + reason, e);
        }
    }

    /** ANALYTICS.md § Setup: the OT name, company, type and parameters; their hash is the setupId. */
    static Map<String, Object> setupOf(Analytic analytic, JobRequest request) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("ot", analytic.name());
        setup.put("companyId", request.company().asNumber());
        setup.put("type", request.type());
        setup.put("parameters", request.parameters());
        return setup;
    }
}
