package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;

/**
 * Portal API keys in MongoDB {@code apiKeys}: a key belongs to one company and is stored only as its SHA-256 (the
 * key is 256 random bits, so a plain hash is enough: nothing to guess), which is also the key's id. An operator names
 * a key by the first characters of that id ({@link #ID_SHOWN} are listed), never by the key. A revoked key stays,
 * marked with when it was revoked, so the list keeps the history.
 */
public final class ApiKeys {
    public static final String COLLECTION = "apiKeys";
    /** How many characters of a key's id {@code enma apikey list} shows. */
    public static final int ID_SHOWN = 12;
    /** The fewest characters of an id {@code revoke} takes: fewer would name many keys too easily. */
    static final int ID_MIN = 6;
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{" + ID_MIN + ",64}");
    private static final String PREFIX = "enma_";
    private static final String REVOKED = "revoked";
    private static final String LAST_USED = "lastUsed";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;

    /** A stored key as an operator sees it: never the key itself. */
    public record Stored(String id, CompanyId company, Instant created, Optional<Instant> lastUsed,
                         Optional<Instant> revoked) {
        public String shortId() {
            return id.substring(0, ID_SHOWN);
        }
    }

    public ApiKeys(MongoDatabase mongo) {
        this.keys = mongo.getCollection(COLLECTION);
    }

    /** Creates a key for {@code company}; the key itself is returned once and never stored. */
    public String create(CompanyId company) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        keys.createIndex(Indexes.ascending(REVOKED));
        keys.insertOne(new Document("_id", hash(key)).append("companyId", company.asNumber())
                .append("created", new Date()));
        return key;
    }

    /**
     * The company of the key whose hash is {@code id}, unless it is unknown or revoked; records the use (one round
     * trip does both).
     */
    public Optional<CompanyId> use(String id) {
        Document stored = keys.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.exists(REVOKED, false)),
                Updates.set(LAST_USED, new Date()), new FindOneAndUpdateOptions());
        if (stored == null || !MessageDigest.isEqual(stored.getString("_id").getBytes(StandardCharsets.US_ASCII),
                id.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(companyOf(stored));
    }

    /** Every key, oldest first. */
    public List<Stored> list() {
        List<Stored> all = new ArrayList<>();
        keys.find().sort(Sorts.ascending("created", "_id")).forEach(doc -> all.add(stored(doc)));
        return all;
    }

    /**
     * Revokes the key whose id starts with {@code idPrefix} (at least {@value #ID_MIN} hex characters, naming one
     * key); the key as it is now. Revoking a revoked key changes nothing.
     */
    public Stored revoke(String idPrefix) {
        String prefix = idPrefix.toLowerCase(java.util.Locale.ROOT);
        if (!ID_PREFIX.matcher(prefix).matches()) {
            throw new EnmaException("\"" + idPrefix + "\" is no key id: give at least " + ID_MIN + " of the hex"
                    + " characters `enma apikey list` shows");
        }
        List<Document> matching = new ArrayList<>();
        keys.find(Filters.regex("_id", "^" + prefix)).limit(2).forEach(matching::add);
        if (matching.isEmpty()) {
            throw new EnmaException("no API key has an id starting with " + prefix + " (`enma apikey list` shows"
                    + " them)");
        }
        if (matching.size() > 1) {
            throw new EnmaException("more than one API key has an id starting with " + prefix + ": give more of"
                    + " its characters");
        }
        String id = matching.get(0).getString("_id");
        keys.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists(REVOKED, false)),
                Updates.set(REVOKED, new Date()));
        return stored(keys.find(Filters.eq("_id", id)).first());
    }

    /** The ids of the keys revoked at or after {@code since}. */
    public List<String> revokedSince(Instant since) {
        List<String> ids = new ArrayList<>();
        keys.find(Filters.gte(REVOKED, Date.from(since))).forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    private static Stored stored(Document doc) {
        return new Stored(doc.getString("_id"), companyOf(doc), doc.getDate("created").toInstant(),
                Optional.ofNullable(doc.getDate(LAST_USED)).map(Date::toInstant),
                Optional.ofNullable(doc.getDate(REVOKED)).map(Date::toInstant));
    }

    private static CompanyId companyOf(Document doc) {
        return CompanyId.of(String.format("%010d", ((Number) doc.get("companyId")).longValue()));
    }

    /** A key's id: the hex SHA-256 of the key. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
