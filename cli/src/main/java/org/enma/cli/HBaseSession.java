package org.enma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.enma.cli.backup.HBaseRoot;
import org.enma.cli.backup.Stores;
import org.enma.config.Endpoints;
import org.enma.config.EnmaConfig;
import org.enma.config.SettingFlags;
import org.enma.config.StackLocator;
import org.enma.loaders.LoadedDays;
import org.enma.loaders.Loader;
import org.enma.schema.ContractDay;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;
import org.enma.store.MongoStore;
import org.enma.store.RollupPending;
import picocli.CommandLine.Model.CommandSpec;

/** A command's connection to HBase, wherever the configuration says it is; closed when the command ends. */
final class HBaseSession implements AutoCloseable {
    private final EnmaConfig config;
    private final Endpoints endpoints;
    private final Connection connection;

    private HBaseSession(EnmaConfig config, Endpoints endpoints, Connection connection) {
        this.config = config;
        this.endpoints = endpoints;
        this.connection = connection;
    }

    static HBaseSession open(CommandSpec spec) throws IOException {
        EnmaConfig config = SettingFlags.config(spec);
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        endpoints.requireZooKeeperReachable();
        return new HBaseSession(config, endpoints, ConnectionFactory.createConnection(endpoints.hbaseConfiguration()));
    }

    EnmaConfig config() {
        return config;
    }

    Connection connection() {
        return connection;
    }

    /** The MongoDB database of the same configuration (checked to answer); the caller closes it. */
    MongoStore mongo() {
        return MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase());
    }

    /** This session's HBase, namespace and root directory with {@code mongo}: what backup and restore work on. */
    Stores backupStores(MongoStore mongo) {
        return new Stores(connection, config.tableNames(), HBaseRoot.of(config, connection.getConfiguration()),
                mongo.database());
    }

    Admin admin() throws IOException {
        return connection.getAdmin();
    }

    /**
     * A loader into this session's cluster, creating tables through {@code admin}, with progress on {@code err}; the
     * contract-days it writes into consumption tables are recorded in {@code mongo} for {@code enma validate} and {@code
     * enma rollup} before they are written.
     */
    Loader loader(Admin admin, PrintWriter err, MongoStore mongo) {
        RollupPending pending = new RollupPending(mongo.database());
        RollupPending unvalidated = new RollupPending(mongo.database(), RollupPending.VALIDATION);
        return new Loader(connection, new TableCreator(admin, config.tableNames(), config.compression()),
                config.timezone(), Clock.systemUTC(), TerminalProgress.forStderr(err))
                .tellingDays(new LoadedDays() {
                    @Override
                    public void about(EnmaTable table, Collection<ContractDay> days, Collection<LocalDate> wholeDays) {
                        String name = config.tableNames().of(table).getNameAsString();
                        unvalidated.record(name, days, wholeDays);
                        pending.record(name, days, wholeDays);
                    }

                    @Override
                    public int wholeDayAfter() {
                        return RollupPending.CONTRACTS_PER_DAY;
                    }
                });
    }

    /** The HBase name of an existing ENMA table, or a message saying it is not there. */
    TableName existing(EnmaTable table) throws IOException {
        TableName name = config.tableNames().of(table);
        try (Admin admin = admin()) {
            if (!admin.tableExists(name)) {
                throw new EnmaException("table " + name.getNameAsString() + " does not exist; `enma tables` lists"
                        + " the ENMA tables of namespace " + config.tableNames().hbaseNamespace());
            }
        }
        return name;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
