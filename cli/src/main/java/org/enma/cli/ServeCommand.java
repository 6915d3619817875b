package org.enma.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.enma.jobs.Analytics;
import org.enma.portal.PortalServer;
import org.enma.store.MongoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the portal API (HTTP JSON) until stopped (Ctrl-C / SIGTERM: requests in flight are"
                + " finished, then it exits 0): GET /v1/results/{OT}/"
                + "{contractId}?from=YYYYMM&to=YYYYMM, GET /v1/results/{OT}?month=YYYYMM&page=N&size=M, GET /v1/health,"
                + " GET /v1/openapi.json. Keys: `enma apikey create --company ID`."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopRequested = StopSignals.install();
        try (HBaseSession session = HBaseSession.open(spec); MongoStore mongo = session.mongo();
             PortalServer server = serve(session, mongo, host, port)) {
            err.printf("portal API on http://%s:%d (GET /v1/openapi.json describes it); Ctrl-C stops it%n", host,
                    server.port());
            err.flush();
            untilStopped(stopRequested, err);
        }
        err.println("portal API stopped");
        return Enma.OK;
    }

    /**
     * Blocks until the process is asked to stop ({@code stopRequested}, installed before the server started, so an
     * early SIGTERM is not lost). The caller's try-with-resources then closes the server first — it finishes the
     * requests in flight — and the stores after it.
     */
    static void untilStopped(CountDownLatch stopRequested, PrintWriter err) throws InterruptedException {
        stopRequested.await();
        err.println("stopping: finishing the requests in flight (at most " + PortalServer.DRAIN.toSeconds()
                + " s) ...");
        err.flush();
    }

    /** The portal over this session's stores, serving every registered analytic. */
    static PortalServer serve(HBaseSession session, MongoStore mongo, String host, int port) {
        return PortalServer.start(PortalServer.Services.over(mongo.database(), session.connection(),
                session.config().tableNames(), new HashSet<>(Analytics.names()), session.config().timezone(),
                session.config().units()), host, port);
    }
}
