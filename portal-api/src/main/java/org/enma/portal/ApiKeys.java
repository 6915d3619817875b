package org.enma.portal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.enma.schema.CompanyId;

/**
 * Portal API keys in MongoDB {@code apiKeys}: a key belongs to one company and is stored only as its SHA-256 (the
 * key is 256 random bits, so a plain hash is enough: nothing to guess). Keys are looked up by hash and the stored
 * hash is compared in constant time; a found key is remembered for {@value #CACHE_SECONDS} s, so a deleted key stops
 * working within that time.
 */
public final class ApiKeys {
    public static final String COLLECTION = "apiKeys";
    static final long CACHE_SECONDS = 60;
    private static final String PREFIX = "enma_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;
    private final Map<String, Remembered> cache = new ConcurrentHashMap<>();

    private record Remembered(CompanyId company, long untilNanos) {
    }

    public ApiKeys(MongoDatabase mongo) {
        this.keys = mongo.getCollection(COLLECTION);
    }

    /** Creates a key for {@code company}; the key itself is returned once and never stored. */
    public String create(CompanyId company) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        keys.insertOne(new Document("_id", hash(key)).append("companyId", company.asNumber())
                .append("created", new Date()));
        return key;
    }

    /** The company of {@code key}, or empty for an unknown key. */
    public Optional<CompanyId> companyOf(String key) {
        String hash = hash(key);
        Remembered remembered = cache.get(hash);
        if (remembered != null && remembered.untilNanos() - System.nanoTime() > 0) {
            return Optional.of(remembered.company());
        }
        Document stored = keys.find(Filters.eq("_id", hash)).first();
        if (stored == null || !MessageDigest.isEqual(stored.getString("_id").getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        CompanyId company = CompanyId.of(String.format("%010d", ((Number) stored.get("companyId")).longValue()));
        cache.put(hash, new Remembered(company, System.nanoTime() + Duration.ofSeconds(CACHE_SECONDS).toNanos()));
        return Optional.of(company);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
