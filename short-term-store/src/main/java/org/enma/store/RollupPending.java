package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.enma.schema.ContractDay;

/**
 * MongoDB {@code rollupPending}: the (contract, local day) pairs of a measure table whose period rows are not yet
 * up to date. A load or derive records the days it is about to write before writing them, so a failure or a kill
 * leaves them recorded; {@code enma rollup} takes them, recomputes their periods, and removes exactly the records it
 * took — a day recorded again meanwhile (its {@code recorded} time moved) stays for the next run.
 */
public final class RollupPending {
    public static final String COLLECTION = "rollupPending";
    static final int BATCH = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoCollection<Document> pending;

    /** A day taken for a rollup, with the time it was recorded. */
    public record Taken(ContractDay day, Date recorded) {
    }

    public RollupPending(MongoDatabase mongo) {
        this.pending = mongo.getCollection(COLLECTION);
    }

    /** Records {@code days} of measure table {@code table} (its name without namespace) as pending. */
    public void record(String table, Collection<ContractDay> days) {
        if (days.isEmpty()) {
            return;
        }
        pending.createIndex(Indexes.ascending("table"));
        Date now = new Date();
        List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (ContractDay day : days) {
            batch.add(new UpdateOneModel<>(Filters.eq("_id", id(table, day)), Updates.combine(
                    Updates.set("table", table), Updates.set("contractId", day.contractId()),
                    Updates.set("day", Integer.parseInt(DAY.format(day.day()))), Updates.set("recorded", now)),
                    upsert));
            if (batch.size() == BATCH) {
                pending.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            pending.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
    }

    /** Every pending day of {@code table}. */
    public List<Taken> take(String table) {
        List<Taken> taken = new ArrayList<>();
        for (Document doc : pending.find(Filters.eq("table", table))) {
            taken.add(new Taken(new ContractDay(doc.getString("contractId"),
                    LocalDate.parse(Integer.toString(doc.getInteger("day")), DAY)), doc.getDate("recorded")));
        }
        return taken;
    }

    /** Removes the records of {@code done}, unless recorded again since they were taken. */
    public void done(String table, List<Taken> done) {
        List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
        for (Taken t : done) {
            batch.add(new DeleteOneModel<>(Filters.and(Filters.eq("_id", id(table, t.day())),
                    Filters.lte("recorded", t.recorded()))));
            if (batch.size() == BATCH) {
                pending.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            pending.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
    }

    private static String id(String table, ContractDay day) {
        return table + "~" + day.contractId() + "~" + DAY.format(day.day());
    }
}
