package org.enma.portal;

import com.mongodb.client.MongoDatabase;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.client.Connection;
import org.enma.store.StorePings;
import org.bson.Document;

/**
 * {@code GET /v1/health}: whether MongoDB and HBase answer; 200 when both do, 503 otherwise. No key needed. It answers
 * within {@value #ANSWER_MS} ms whatever the stores do: a store that has not answered by then is down (clients would
 * retry for much longer). Each probe is bounded by {@value #PROBE_MS} ms in the store's client, so a recovered store
 * is reported up by the first request after it is back.
 */
public final class Health implements AutoCloseable {
    static final long ANSWER_MS = 2000;
    static final int PROBE_MS = 1500;

    private final StoreProbe mongo;
    private final StoreProbe hbase;

    public Health(MongoDatabase mongo, Connection hbase) {
        this.mongo = new StoreProbe("mongo", () -> StorePings.mongo(mongo, PROBE_MS));
        this.hbase = new StoreProbe("hbase", () -> StorePings.hbase(hbase, PROBE_MS));
    }

    /** Both stores' state, as the health endpoint answers it. */
    record Status(boolean mongoUp, boolean hbaseUp) {
        boolean up() {
            return mongoUp && hbaseUp;
        }

        String json() {
            return new Document("status", up() ? "ok" : "degraded").append("mongo", mongoUp ? "up" : "down")
                    .append("hbase", hbaseUp ? "up" : "down").toJson();
        }
    }

    Status status() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_MS);
        CompletableFuture<Void> mongoProbe = mongo.probe();
        CompletableFuture<Void> hbaseProbe = hbase.probe();
        return new Status(StoreProbe.answered(mongoProbe, deadline), StoreProbe.answered(hbaseProbe, deadline));
    }

    void answer(HttpServerExchange exchange) {
        Status status = status();
        PortalServer.send(exchange, status.up() ? 200 : 503, status.json());
    }

    @Override
    public void close() {
        mongo.close();
        hbase.close();
    }
}
