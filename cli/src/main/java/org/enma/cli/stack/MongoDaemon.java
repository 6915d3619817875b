package org.enma.cli.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.enma.cli.Logging;
import org.enma.cli.StopSignals;

/**
 * The MongoDB-protocol server of the cluster rig ({@code scripts/cluster}) as a process of its own, with the embedded
 * stack's persistent store: the rig's other daemons are HBase's and Spark's own, and the rig must be able to stop
 * MongoDB alone (a fault it is used to exercise). Arguments: {@code <port> <storeFile>}; stops on SIGTERM or SIGINT
 * after committing the store.
 */
public final class MongoDaemon {
    private MongoDaemon() {
    }

    public static void main(String[] args) throws InterruptedException {
        Logging.configure(Logging.Mode.STACK);
        H2Backend backend = new H2Backend(args[1]);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", Integer.parseInt(args[0]));
        StopSignals.install().await();
        server.shutdown();
        backend.close();
        System.exit(0);
    }
}
