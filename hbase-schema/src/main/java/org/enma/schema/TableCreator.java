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
            if (splitKeys(table).length > 0) {
                admin.createTable(descriptor(name, table.kind()), splitKeys(table));
            } else {
                admin.createTable(descriptor(name, table.kind()));
            }
        } catch (TableExistsException createdMeanwhile) {
            // Another loader created it between our check and our create: the table is there, which is all we need.
        }
        return name;
    }

    /** Whether {@code table} exists already. */
    public boolean exists(EnmaTable table) throws IOException {
        return admin.tableExists(names.of(table));
    }

    /**
     * The start keys of the regions {@link #ensure} creates {@code table} with, the first being the empty key: a
     * bulk loader sorts rows into these regions while the table is still being created.
     */
    public byte[][] regionStarts(EnmaTable table) {
        byte[][] splits = splitKeys(table);
        byte[][] starts = new byte[splits.length + 1][];
        starts[0] = new byte[0];
        System.arraycopy(splits, 0, starts, 1, splits.length);
        return starts;
    }

    private static byte[][] splitKeys(EnmaTable table) {
        if (table.kind() == TableKind.PERIODS || table.kind() == TableKind.TRUST) {
            return PeriodKey.splitKeys();
        }
        return table.kind().bucketed() ? Bucket.splitKeys(BUCKETED_REGIONS) : new byte[0][];
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
