package org.enma.store;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Table;
import org.bson.Document;

/** The cheapest questions that show a store answers, each bounded in the store's own client. */
public final class StorePings {
    private StorePings() {
    }

    /** MongoDB's {@code ping}, given up after {@code timeoutMs}. */
    public static void mongo(MongoDatabase mongo, int timeoutMs) {
        mongo.withTimeout(timeoutMs, TimeUnit.MILLISECONDS).runCommand(new Document("ping", 1));
    }

    /** A read of {@code hbase:meta} (served by the region server holding it), given up after {@code timeoutMs}. */
    public static void hbase(Connection hbase, int timeoutMs) throws IOException {
        try (Table meta = hbase.getTableBuilder(TableName.META_TABLE_NAME, null)
                .setOperationTimeout(timeoutMs).setRpcTimeout(timeoutMs).setReadRpcTimeout(timeoutMs).build()) {
            meta.exists(new Get(new byte[] {0}));
        }
    }
}
