package org.enma.cli.backup;

import com.mongodb.client.MongoDatabase;
import org.apache.hadoop.hbase.client.Connection;
import org.enma.schema.TableNames;

/**
 * What a backup is taken from and restored into: the HBase cluster with the namespace of its ENMA tables and its root
 * directory ({@link HBaseRoot}), and the MongoDB database.
 */
public record Stores(Connection hbase, TableNames names, String hbaseRoot, MongoDatabase mongo) {
}
