package org.enma.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.enma.schema.EnmaException;

/**
 * ENMA's MongoDB database, reached through the sync driver only, so a real MongoDB URI works unchanged. Opening it
 * checks that the server answers: a job must stop before it computes anything when its results have nowhere to go.
 * The driver waits 30 s for a server by default; ENMA waits {@value #SELECTION_TIMEOUT_S} s unless the URI sets
 * {@code serverSelectionTimeoutMS}.
 */
public final class MongoStore implements AutoCloseable {
    static final int SELECTION_TIMEOUT_S = 5;
    /** The stores {@link #shared} opened in this JVM, by URI and database; closed when it exits. */
    private static final Map<List<String>, MongoStore> SHARED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.values().forEach(MongoStore::close),
                "enma-mongo-close"));
    }

    private final MongoClient client;
    private final MongoDatabase database;

    private MongoStore(MongoClient client, MongoDatabase database) {
        this.client = client;
        this.database = database;
    }

    public static MongoStore open(String uri, String database) {
        ConnectionString connection;
        try {
            connection = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new EnmaException("MongoDB URI \"" + redacted(uri) + "\" is invalid: " + e.getMessage());
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyToClusterSettings(c -> c.serverSelectionTimeout(SELECTION_TIMEOUT_S, TimeUnit.SECONDS))
                .applyConnectionString(connection)
                .build();
        MongoClient client = MongoClients.create(settings);
        MongoDatabase db = client.getDatabase(database);
        try {
            db.runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            client.close();
            throw new EnmaException("cannot reach MongoDB at " + redacted(uri) + ": " + firstSentence(e.getMessage())
                    + " (is the stack running? `scripts/enma stack status`)");
        }
        return new MongoStore(client, db);
    }

    /**
     * One store per JVM, URI and database, opened on first use and shared by every caller (a client holds a pool of
     * connections and is thread-safe): what a Spark executor's tasks write their results through. Never close it.
     */
    public static MongoStore shared(String uri, String database) {
        return SHARED.computeIfAbsent(List.of(uri, database), key -> open(uri, database));
    }

    public MongoDatabase database() {
        return database;
    }

    /**
     * The first sentence of a driver message: a server-selection timeout goes on with a dump of the driver's view
     * of the cluster, which a one-line error has no room for.
     */
    public static String firstSentence(String message) {
        int end = message == null ? -1 : message.indexOf(". ");
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }

    /** The URI without its password, for messages and logs. */
    static String redacted(String uri) {
        return uri.replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public void close() {
        client.close();
    }
}
