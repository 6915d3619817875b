package org.enma.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.store.MongoStore;
import org.enma.store.ResultReader;

/**
 * The driver side of scripts/bench-api: the query behind {@code GET /v1/results/{OT}/{contractId}?from&to}
 * (ResultReader.contract), called in-process by T threads for S seconds over the given contracts in turn, after a
 * warm-up of W seconds (as long as the server's, so that neither side is measured while its JIT still climbs).
 * Prints {@code requests=N seconds=S rate=R}.
 * Arguments: OT company from to seconds warmup threads contract...
 */
public final class ApiBench {
    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        String ot = args[0];
        CompanyId company = CompanyId.of(args[1]);
        Month from = Month.parse(args[2]);
        Month to = Month.parse(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        List<String> contracts = List.of(args).subList(7, args.length);
        EnmaConfig config = EnmaConfig.forProcess(Map.of());
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase())) {
            ResultReader reader = new ResultReader(mongo.database(), SharedConnections.of(endpoints),
                    config.tableNames());
            run(reader, ot, company, from, to, contracts, warmup, threads);
            long start = System.nanoTime();
            long requests = run(reader, ot, company, from, to, contracts, seconds, threads);
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("requests=%d seconds=%.2f rate=%.0f%n", requests, elapsed, requests / elapsed);
        }
    }

    private static long run(ResultReader reader, String ot, CompanyId company, Month from, Month to,
                            List<String> contracts, int seconds, int threads) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(pool.submit(() -> {
                for (int i = first; System.nanoTime() < deadline; i += threads) {
                    if (reader.contract(ot, company, contracts.get(i % contracts.size()), from, to).isEmpty()) {
                        throw new IllegalStateException("no results for " + contracts.get(i % contracts.size()));
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return done.get();
    }
}
