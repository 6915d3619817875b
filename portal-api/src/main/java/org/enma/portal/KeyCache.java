package org.enma.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.enma.schema.CompanyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.enma.store.ApiKeys;

/**
 * The portal's view of the API keys: a known key is remembered for {@value #CACHE_SECONDS} s, so most requests cost no
 * MongoDB round trip, and a watcher reads the keys revoked lately every {@value #WATCH_MS} ms and forgets them. The
 * cache is used only while the watcher is current (its last read at most {@link #FRESH} ago); otherwise every request
 * asks MongoDB. So a revoked key is refused by the first request after {@link #FRESH} — the time {@code enma apikey
 * revoke} waits before it returns — in every portal process, whatever the cache holds.
 */
public final class KeyCache implements AutoCloseable {
    static final long CACHE_SECONDS = 60;
    static final long WATCH_MS = 250;
    /** How old the watcher's last read may be for the cache to be trusted. */
    static final Duration FRESH = Duration.ofMillis(4 * WATCH_MS);
    /**
     * How long after {@code ApiKeys.revoke} every running portal refuses the key: its cache is trusted only while its
     * watcher of revocations read MongoDB within {@link #FRESH}, plus two of the watcher's rounds for a read in
     * flight. {@code enma apikey revoke} waits this long before it says the key is revoked.
     */
    public static final Duration REFUSED_EVERYWHERE_AFTER = FRESH.plusMillis(2 * WATCH_MS);
    /**
     * How far back each read looks: the cache's lifetime plus room for the clocks of the revoking process and MongoDB
     * to disagree. A key revoked earlier than that left every cache when its entry expired.
     */
    private static final Duration LOOK_BACK = Duration.ofSeconds(CACHE_SECONDS + 60);
    private static final Logger LOG = LoggerFactory.getLogger(KeyCache.class);

    private final ApiKeys keys;
    private final Map<String, Remembered> cache = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher;
    private volatile long watchedAtNanos = System.nanoTime() - FRESH.toNanos() - 1;

    private record Remembered(CompanyId company, long untilNanos) {
    }

    KeyCache(ApiKeys keys) {
        this.keys = keys;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "enma-key-revocations");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::forgetRevoked, 0, WATCH_MS, TimeUnit.MILLISECONDS);
    }

    /** The company of {@code key}, or empty for an unknown or revoked key. */
    Optional<CompanyId> companyOf(String key) {
        String id = ApiKeys.hash(key);
        long now = System.nanoTime();
        Remembered remembered = cache.get(id);
        if (remembered != null && remembered.untilNanos() - now > 0 && now - watchedAtNanos <= FRESH.toNanos()) {
            return Optional.of(remembered.company());
        }
        Optional<CompanyId> company = keys.use(id);
        company.ifPresentOrElse(c -> cache.put(id, new Remembered(c, now + TimeUnit.SECONDS.toNanos(CACHE_SECONDS))),
                () -> cache.remove(id));
        return company;
    }

    private void forgetRevoked() {
        long started = System.nanoTime();
        try {
            keys.revokedSince(Instant.now().minus(LOOK_BACK)).forEach(cache::remove);
            watchedAtNanos = started;
        } catch (RuntimeException e) {
            // MongoDB is away: the cache is not trusted until a read succeeds, requests ask MongoDB themselves
            LOG.debug("reading revoked keys failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
