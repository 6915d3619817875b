package org.enma.cli.backup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * MongoDB's part of a backup: every collection of the database (results, setups, jobRuns, apiKeys, retention marks,
 * and whatever a later version keeps there) as canonical extended JSON, one document per line in {@code _id} order,
 * so every type (longs, dates, ObjectIds) comes back as it was; its indexes (their keys) are in the manifest.
 */
final class MongoDump {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
            .build();
    private static final int BATCH = 1000;

    private MongoDump() {
    }

    static List<BackupManifest.Collection> dump(MongoDatabase mongo, BackupDir dir) throws IOException {
        List<String> names = new ArrayList<>();
        mongo.listCollectionNames().into(names);
        names.sort(String::compareTo);
        List<BackupManifest.Collection> collections = new ArrayList<>();
        for (String name : names) {
            String file = BackupDir.MONGO + "/" + name + ".json";
            long documents = 0;
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(dir.create(file),
                    StandardCharsets.UTF_8))) {
                for (Document doc : mongo.getCollection(name).find().sort(Sorts.ascending("_id"))) {
                    out.write(doc.toJson(CANONICAL));
                    out.write('\n');
                    documents++;
                }
            }
            List<String> indexes = new ArrayList<>();
            for (Document index : mongo.getCollection(name).listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    indexes.add(index.get("key", Document.class).toJson(CANONICAL));
                }
            }
            collections.add(new BackupManifest.Collection(name, file, documents, indexes));
        }
        return collections;
    }

    /** Inserts a dumped collection; the caller made sure it is empty. The documents inserted. */
    static long load(MongoDatabase mongo, BackupDir dir, BackupManifest.Collection dumped) throws IOException {
        MongoCollection<Document> collection = mongo.getCollection(dumped.name());
        long documents = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(dir.fs().open(dir.resolve(dumped.file())),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                batch.add(Document.parse(line));
                if (batch.size() == BATCH) {
                    collection.insertMany(batch);
                    documents += batch.size();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
            documents += batch.size();
        }
        for (String index : dumped.indexes()) {
            collection.createIndex(Document.parse(index));
        }
        return documents;
    }
}
