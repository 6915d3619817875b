package org.enma.schema;

import java.io.IOException;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.regionserver.BloomType;

/**
 * Creates ENMA tables on first use, idempotently: an existing table is left as it is, and two loads racing to create
 * the same table both succeed. Time-series tables are pre-split on bucket boundaries so that writes spread over
 * {@value #BUCKETED_REGIONS} regions from the first row.
 */
public final class TableCreator {
    public static final int BUCKETED_REGIONS = 10;

    private final Admin admin;
    private final TableNames names;
    private final Compression.Algorithm compression;

    public TableCreator(Admin admin, TableNames names, Compression.Algorithm compression) {
        this.admin = admin;
        this.names = names;
        this.compression = compression;
    }

    /** Creates {@code table} unless it exists; returns its HBase name. */
    public TableName ensure(EnmaTable table) throws IOException {
        TableName name = names.of(table);
        if (admin.tableExists(name)) {
            return name;
        }
        ensureNamespace();
        try {
            if (table.kind().bucketed()) {
                admin.createTable(descriptor(name, table.kind()), Bucket.splitKeys(BUCKETED_REGIONS));
            } else {
                admin.createTable(descriptor(name, table.kind()));
            }
        } catch (TableExistsException createdMeanwhile) {
            // Another loader created it between our check and our create: the table is there, which is all we need.
        }
        return name;
    }

    TableDescriptor descriptor(TableName name, TableKind kind) {
        TableDescriptorBuilder builder = TableDescriptorBuilder.newBuilder(name);
        for (Family family : kind.families()) {
            builder.setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(family.bytes())
                    .setCompressionType(compression)
                    .setBloomFilterType(BloomType.ROW)
                    .setMaxVersions(1)
                    .build());
        }
        return builder.build();
    }

    private void ensureNamespace() throws IOException {
        if (names.namespace().isEmpty()) {
            return;
        }
        try {
            admin.createNamespace(NamespaceDescriptor.create(names.namespace()).build());
        } catch (NamespaceExistException alreadyThere) {
            // Idempotent by design.
        }
    }
}
