package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The job report of every run in MongoDB {@code jobRuns}: what ran (OT, company, type, month, setupId — or
 * {@code derive}, company, type, from, to), when, its status ({@code running}, {@code succeeded}, {@code failed} with
 * the message, {@code abandoned}) and its counts. A running run beats: its {@code heartbeat} moves every {@link #BEAT}.
 * A process killed without a word (kill -9, a lost machine) stops beating; the next run started anywhere marks every
 * run silent for {@link #SILENCE} {@code abandoned}, so no run says {@code running} forever. A run wrongly called
 * abandoned (a driver paused that long) still ends {@code succeeded} or {@code failed}.
 */
public final class JobRuns {
    public static final String COLLECTION = "jobRuns";
    /** The first few measures a run skipped for a bad cell. */
    public static final String BAD_CELL_KEYS = "badCellKeys";
    static final Duration BEAT = Duration.ofSeconds(30);
    static final Duration SILENCE = Duration.ofMinutes(3);
    static final String STATUS = "status";
    static final String SUCCEEDED = "succeeded";
    private static final String RUNNING = "running";
    private static final String HEARTBEAT = "heartbeat";
    /** One daemon thread beats for every run of this process; it never keeps a JVM alive. */
    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread beats = new Thread(task, "enma-jobruns-heartbeat");
        beats.setDaemon(true);
        return beats;
    });

    private final MongoCollection<Document> runs;
    private final Duration beat;
    private final Map<ObjectId, ScheduledFuture<?>> beating = new ConcurrentHashMap<>();

    public JobRuns(MongoDatabase mongo) {
        this(mongo, BEAT);
    }

    JobRuns(MongoDatabase mongo, Duration beat) {
        this.runs = mongo.getCollection(COLLECTION);
        this.beat = beat;
        // the portal asks for an OT's and a company's latest runs every second it serves their results
        runs.createIndex(Indexes.ascending("ot", "companyId", "month"));
    }

    /**
     * The setupId of the latest succeeded run of {@code ot} over each of a company's months (YYYYMM numbers) that has
     * one recorded: one query.
     */
    public Map<Integer, String> latestSetups(String ot, long companyId) {
        Map<Integer, String> latest = new HashMap<>();
        for (Document run : runs.find(Filters.and(Filters.eq("ot", ot), Filters.eq("companyId", companyId),
                Filters.eq(STATUS, SUCCEEDED), Filters.exists("setupId"))).sort(Sorts.ascending("end"))) {
            latest.put(run.getInteger("month"), run.getString("setupId"));
        }
        return latest;
    }

    public ObjectId started(String ot, long companyId, String type, int month, String setupId) {
        return started(ot, companyId, type, new Document("month", month).append("setupId", setupId));
    }

    /**
     * A run of {@code job} ({@code ot} field) over {@code scope} (e.g. {@code from}, {@code to}) is running, and beats
     * until it is recorded {@code succeeded} or {@code failed}. Silent runs are marked {@code abandoned} first.
     */
    public ObjectId started(String job, long companyId, String type, Document scope) {
        Date now = new Date();
        abandonSilent(now);
        ObjectId id = new ObjectId();
        Document run = new Document("_id", id).append("ot", job).append("companyId", companyId).append("type", type);
        run.putAll(scope);
        runs.insertOne(run.append("start", now).append(STATUS, RUNNING).append(HEARTBEAT, now));
        beating.put(id, BEATS.scheduleAtFixedRate(() -> beat(id), beat.toMillis(), beat.toMillis(),
                TimeUnit.MILLISECONDS));
        return id;
    }

    private void beat(ObjectId run) {
        try {
            runs.updateOne(Filters.and(Filters.eq("_id", run), Filters.eq(STATUS, RUNNING)),
                    Updates.set(HEARTBEAT, new Date()));
        } catch (RuntimeException mongoAway) {
            // the run itself meets MongoDB's absence when it records its end; a missed beat only ages the heartbeat
        }
    }

    /** Every run still {@code running} whose heartbeat is older than {@link #SILENCE}: its process is gone. */
    private void abandonSilent(Date now) {
        runs.updateMany(Filters.and(Filters.eq(STATUS, RUNNING),
                Filters.lt(HEARTBEAT, new Date(now.getTime() - SILENCE.toMillis()))), Updates.combine(
                Updates.set(STATUS, "abandoned"), Updates.set("abandonedAt", now), Updates.set("error",
                        "no heartbeat for " + SILENCE.toMinutes() + " minutes (it beats every " + BEAT.toSeconds()
                                + " s): its process stopped without recording an end (killed, or its machine lost);"
                                + " rerun the job to repair its results")));
    }

    private void stopBeating(ObjectId run) {
        ScheduledFuture<?> beats = beating.remove(run);
        if (beats != null) {
            beats.cancel(false);
        }
    }

    /** {@code badCellKeys}: the first measures skipped for a bad cell ({@code <row key> m:<qualifier>}), if any. */
    public void succeeded(ObjectId run, long contractsSeen, long resultsWritten, Map<String, Long> skipped,
                          List<String> badCellKeys) {
        Document counts = new Document("contractsSeen", contractsSeen).append("resultsWritten", resultsWritten)
                .append("skipped", new Document(Map.copyOf(skipped)));
        if (!badCellKeys.isEmpty()) {
            counts.append(BAD_CELL_KEYS, badCellKeys);
        }
        succeeded(run, counts);
    }

    /** The run ended well, with these counts (each becomes a field of its document). */
    public void succeeded(ObjectId run, Document counts) {
        stopBeating(run);
        Document set = new Document(STATUS, SUCCEEDED).append("end", new Date());
        set.putAll(counts);
        runs.updateOne(Filters.eq("_id", run), new Document("$set", set));
    }

    public void failed(ObjectId run, String message) {
        stopBeating(run);
        runs.updateOne(Filters.eq("_id", run), Updates.combine(Updates.set(STATUS, "failed"),
                Updates.set("end", new Date()), Updates.set("error", message)));
    }
}
