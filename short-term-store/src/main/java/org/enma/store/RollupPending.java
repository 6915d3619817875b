package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.enma.schema.ContractDay;

/**
 * MongoDB {@code rollupPending}: the days of a measure table whose period rows are not yet up to date, each with the
 * contracts written that day — or {@code all: true} once one recording brought more than {@value #CONTRACTS_PER_DAY}
 * of them (a load of a whole company's month: every contract of the day is redone). A day recorded by contracts
 * again and again before a rollup takes it gathers at most {@value #CONTRACTS_PER_DAY} more each time. One document per table and local day: a
 * load of two million hourly rows records a few hundred documents, not one per contract-day (83,000 of those took
 * 17 s on the embedded MongoDB-protocol server). A load or derive records the days it is about to write before
 * writing them, so a failure or a kill leaves them recorded; {@code enma rollup} takes them, recomputes their
 * periods, and removes each day it took unless it was recorded again meanwhile.
 */
public final class RollupPending {
    public static final String COLLECTION = "rollupPending";
    /**
     * The same bookkeeping for {@code enma validate}: the days loads and derive wrote that are not validated yet. Kept
     * apart so that a rollup taking its days leaves validation's, and the other way round.
     */
    public static final String VALIDATION = "validatePending";
    public static final int CONTRACTS_PER_DAY = 10_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String CONTRACTS = "contracts";
    private static final String ALL = "all";
    private static final String VERSION = "version";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> pending;
    /** Whether this instance made sure of the index: a load records chunk by chunk, the index needs asking once. */
    private boolean indexed;

    /**
     * A day taken for a rollup: whether every contract with measures that day is to be redone ({@code whole}) or
     * those recorded ({@link #contracts}), and how many times it was recorded — a count, not a time, so that a
     * recording in the same millisecond as the take is still told apart.
     */
    public record Taken(LocalDate day, boolean whole, long version) {
    }

    public RollupPending(MongoDatabase mongo) {
        this(mongo, COLLECTION);
    }

    /** The days pending in {@code collection}: {@link #COLLECTION} or {@link #VALIDATION}. */
    public RollupPending(MongoDatabase mongo, String collection) {
        this.pending = mongo.getCollection(collection);
    }

    /**
     * Records {@code days} of measure table {@code table} (its HBase name) as pending: one unordered bulk write of one
     * update per day, each by {@code _id} alone, nothing read back. A day with more than {@value #CONTRACTS_PER_DAY}
     * contracts here is recorded whole ({@code all}) rather than by its contracts, so that no update comes near
     * MongoDB's 16 MB document limit (0.6 M contract ids).
     */
    public void record(String table, Collection<ContractDay> days) {
        record(table, days, List.of());
    }

    /** Records every contract of {@code days} of {@code table} as pending, as {@link #record} does a big day. */
    public void recordWhole(String table, Collection<LocalDate> days) {
        record(table, List.of(), days);
    }

    /** Records {@code days} by contract and {@code wholeDays} whole, in one bulk write. */
    public void record(String table, Collection<ContractDay> days, Collection<LocalDate> wholeDays) {
        Map<LocalDate, Set<String>> byDay = new TreeMap<>();
        days.forEach(d -> byDay.computeIfAbsent(d.day(), k -> new TreeSet<>()).add(d.contractId()));
        Date now = new Date();
        List<WriteModel<Document>> updates = new ArrayList<>(byDay.size() + wholeDays.size());
        byDay.forEach((day, contracts) -> updates.add(contracts.size() > CONTRACTS_PER_DAY ? whole(table, day, now)
                : new UpdateOneModel<>(Filters.eq("_id", id(table, day)), Updates.combine(stamp(table, day, now),
                        Updates.addEachToSet(CONTRACTS, List.copyOf(contracts))), UPSERT)));
        wholeDays.forEach(day -> updates.add(whole(table, day, now)));
        write(updates);
    }

    private static WriteModel<Document> whole(String table, LocalDate day, Date now) {
        return new UpdateOneModel<>(Filters.eq("_id", id(table, day)), Updates.combine(stamp(table, day, now),
                Updates.set(ALL, true), Updates.unset(CONTRACTS)), UPSERT);
    }

    /** What every recording of a day sets: its table and day, when, and one more version. */
    private static org.bson.conversions.Bson stamp(String table, LocalDate day, Date now) {
        return Updates.combine(Updates.set("table", table), Updates.set("day", number(day)),
                Updates.set("recorded", now), Updates.inc(VERSION, 1));
    }

    private void write(List<WriteModel<Document>> updates) {
        if (updates.isEmpty()) {
            return;
        }
        if (!indexed) {
            pending.createIndex(Indexes.ascending("table"));
            indexed = true;
        }
        pending.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    /** Every pending day of {@code table}, without its contracts: a day's list is for {@link #contracts} to read. */
    public List<Taken> take(String table) {
        List<Taken> taken = new ArrayList<>();
        for (Document doc : pending.find(Filters.eq("table", table)).projection(
                Projections.include("day", ALL, VERSION))) {
            taken.add(new Taken(dayOf(doc), Boolean.TRUE.equals(doc.getBoolean(ALL)),
                    ((Number) doc.get(VERSION)).longValue()));
        }
        return taken;
    }

    /**
     * The contracts recorded for {@code day} of {@code table} (none once the day is done or whole): what the tasks of
     * a rollup read, a day each, so that no list of contracts passes through its driver.
     */
    public Set<String> contracts(String table, LocalDate day) {
        Document doc = pending.find(Filters.eq("_id", id(table, day))).first();
        return doc == null || doc.get(CONTRACTS) == null ? Set.of() : new TreeSet<>(doc.getList(CONTRACTS,
                String.class));
    }

    private static LocalDate dayOf(Document doc) {
        return LocalDate.parse(Integer.toString(doc.getInteger("day")), DAY);
    }

    /** Removes the days of {@code done}, unless recorded again since they were taken. */
    public void done(String table, List<Taken> done) {
        for (Taken t : done) {
            pending.deleteOne(Filters.and(Filters.eq("_id", id(table, t.day())), Filters.eq(VERSION, t.version())));
        }
    }

    private static int number(LocalDate day) {
        return Integer.parseInt(DAY.format(day));
    }

    private static String id(String table, LocalDate day) {
        return table + "~" + DAY.format(day);
    }
}
