package org.enma.portal;

import com.mongodb.client.MongoDatabase;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.bson.Document;

/** {@code GET /v1/health}: whether MongoDB and HBase answer; 200 when both do, 503 otherwise. No key needed. */
public final class Health {
    static final long TIMEOUT_MS = 2000;

    private final MongoDatabase mongo;
    private final Connection hbase;

    public Health(MongoDatabase mongo, Connection hbase) {
        this.mongo = mongo;
        this.hbase = hbase;
    }

    void answer(HttpServerExchange exchange) {
        boolean mongoUp = answers(() -> mongo.runCommand(new Document("ping", 1)));
        boolean hbaseUp = answers(() -> {
            try (Admin admin = hbase.getAdmin()) {
                admin.tableExists(TableName.META_TABLE_NAME);
            }
        });
        Document status = new Document("status", mongoUp && hbaseUp ? "ok" : "degraded")
                .append("mongo", mongoUp ? "up" : "down").append("hbase", hbaseUp ? "up" : "down");
        PortalServer.send(exchange, mongoUp && hbaseUp ? 200 : 503, status.toJson());
    }

    private interface Probe {
        void run() throws Exception;
    }

    /** A store that does not answer within {@value #TIMEOUT_MS} ms is down: clients would retry for much longer. */
    private static boolean answers(Probe probe) {
        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> {
            try {
                probe.run();
            } catch (Exception down) {
                throw new CompletionException(down);
            }
        });
        try {
            answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException down) {
            answer.cancel(true);
            return false;
        }
    }
}
