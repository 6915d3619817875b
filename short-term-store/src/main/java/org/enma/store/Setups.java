package org.enma.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Map;
import org.bson.Document;
import org.enma.schema.SetupId;

/** Setups in MongoDB {@code setups}: the parameters of a run under their content-hash id. */
public final class Setups {
    public static final String COLLECTION = "setups";

    private final MongoCollection<Document> setups;

    public Setups(MongoDatabase mongo) {
        this.setups = mongo.getCollection(COLLECTION);
    }

    /**
     * Whether {@code ot} has a setup saved — every analytic that ever wrote results has, the built-in ones and those
     * written back from Spark ({@code df.write.format("enma")}) alike.
     */
    public boolean hasAnalytic(String ot) {
        return setups.find(Filters.eq("setup.ot", ot)).limit(1).first() != null;
    }

    /** Stores the setup (idempotent: the same parameters have the same id) and returns its id. */
    public SetupId save(Map<String, Object> setup) {
        SetupId id = SetupIds.of(setup);
        setups.replaceOne(Filters.eq("_id", id.value()), new Document("_id", id.value()).append("setup",
                new Document(setup)), new ReplaceOptions().upsert(true));
        return id;
    }
}
