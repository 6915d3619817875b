package org.enma.bench;

import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;

/** The bench's connection (the same settings as the enma command) and its consumption tables, one per contender. */
final class BenchTables implements AutoCloseable {
    private final EnmaConfig config;
    private final Connection connection;

    BenchTables() throws IOException {
        this.config = EnmaConfig.forProcess(Map.of());
        this.connection = ConnectionFactory.createConnection(
                Endpoints.resolve(config, StackLocator.forUser()).hbaseConfiguration());
    }

    Connection connection() {
        return connection;
    }

    String namespace() {
        return config.tableNames().hbaseNamespace();
    }

    TableName consumption(String company) {
        return config.tableNames().of(EnmaTable.consumption("electricityConsumption", CompanyId.of(company)));
    }

    /** Creates a contender's table exactly as ENMA does (pre-split, compression, blooms). */
    TableName create(String company) throws IOException {
        try (Admin admin = connection.getAdmin()) {
            return new TableCreator(admin, config.tableNames(), config.compression())
                    .ensure(EnmaTable.consumption("electricityConsumption", CompanyId.of(company)));
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
