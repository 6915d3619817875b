package org.enma.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.hbase.client.Admin;
import org.enma.config.EnmaConfig;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import org.enma.schema.ResultKey;
import org.enma.schema.SetupId;
import org.enma.schema.TableCreator;
import org.enma.store.MongoStore;
import org.enma.store.ResultDocument;
import org.enma.store.ResultSink;

/**
 * The two halves of scripts/soak-api.
 * <ul>
 * <li>{@code seed MONTHS CONTRACTS}: OT101 results of companies A and B for the MONTHS months up to this one, CONTRACTS
 *     contracts each ({@code SA0000}..., {@code SB0000}...), through the result sink (MongoDB and the mirror).</li>
 * <li>{@code run PORT SECONDS CLIENTS KEY_A KEY_B MONTHS CONTRACTS}: CLIENTS threads, half with A's key, half with
 *     B's, for SECONDS: a contract's months (its own: 200 and exactly MONTHS items, all its own; the other company's:
 *     404), or a month's page (200, only its own company). Anything else is an error; a byte naming the other
 *     company (its id or a contract prefix) is a leak. Prints progress every 10 s on stderr and ends with
 *     {@code requests=N errors=N leaks=N rate=R p50_ms=X p99_ms=Y max_ms=Z}.</li>
 * </ul>
 */
public final class ApiSoak {
    static final CompanyId A = CompanyId.of("8100000001");
    static final CompanyId B = CompanyId.of("8200000002");
    private static final SetupId SETUP = SetupId.of("5a0a5a0a5a0a5a0a5a0a5a0a");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiSoak() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("seed")) {
            seed(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else {
            soak(Arrays.copyOfRange(args, 1, args.length));
        }
    }

    private static String contract(CompanyId company, int n) {
        return (company.equals(A) ? "SA" : "SB") + String.format("%04d", n);
    }

    private static void seed(int months, int contracts) throws Exception {
        EnmaConfig config = EnmaConfig.forProcess(Map.of());
        Endpoints endpoints = Endpoints.resolve(config, StackLocator.forUser());
        YearMonth now = YearMonth.now(config.timezone());
        try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase());
             Admin admin = SharedConnections.of(endpoints).getAdmin()) {
            ResultSink sink = new ResultSink(mongo.database(), SharedConnections.of(endpoints),
                    new TableCreator(admin, config.tableNames(), config.compression()));
            List<ResultDocument> results = new ArrayList<>();
            for (CompanyId company : List.of(A, B)) {
                for (int c = 0; c < contracts; c++) {
                    for (int m = 0; m < months; m++) {
                        results.add(new ResultDocument(new ResultKey(new Month(now.minusMonths(m)), company,
                                contract(company, c), SETUP), Map.of("consumption", 100.0 + m, "numberCustomers", 10,
                                "criteria", "postalCode")));
                    }
                }
            }
            sink.write("OT101", results);
            System.out.println("seeded=" + results.size());
        }
    }

    private static void soak(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        String[] keys = {args[3], args[4]};
        int months = Integer.parseInt(args[5]);
        int contracts = Integer.parseInt(args[6]);
        YearMonth now = YearMonth.now(EnmaConfig.forProcess(Map.of()).timezone());
        String range = "?from=" + new Month(now.minusMonths(months - 1L)) + "&to=" + new Month(now);
        String base = "http://127.0.0.1:" + port + "/v1/results/OT101";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong leaks = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            CompanyId own = t % 2 == 0 ? A : B;
            CompanyId other = own.equals(A) ? B : A;
            String key = keys[t % 2];
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    int pick = random.nextInt(10);
                    String url;
                    Expect expect;
                    if (pick < 7) {
                        url = base + "/" + contract(own, random.nextInt(contracts)) + range;
                        expect = Expect.OWN_CONTRACT;
                    } else if (pick < 8) {
                        url = base + "/" + contract(other, random.nextInt(contracts)) + range;
                        expect = Expect.NOT_FOUND;
                    } else {
                        url = base + "?month=" + new Month(now.minusMonths(random.nextInt(months)))
                                + "&page=" + (1 + random.nextInt(3)) + "&size=100";
                        expect = Expect.OWN_PAGE;
                    }
                    long sent = System.nanoTime();
                    String problem;
                    boolean leaked = false;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        leaked = response.body().contains(other.toString())
                                || response.body().contains(other.equals(A) ? "\"SA" : "\"SB");
                        problem = expect.check(response, own, months);
                    } catch (Exception e) {
                        problem = e.toString();
                    }
                    long took = System.nanoTime() - sent;
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                    long done = requests.incrementAndGet();
                    if (leaked) {
                        leaks.incrementAndGet();
                        System.err.println("LEAK: " + url);
                    }
                    if (problem != null && errors.incrementAndGet() <= 10) {
                        System.err.println("error: " + url + ": " + problem);
                    }
                    if (done % 20_000 == 0) {
                        System.err.printf("%.0f s: %d requests, %d errors, %d leaks%n",
                                (System.nanoTime() - start) / 1e9, done, errors.get(), leaks.get());
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("requests=%d errors=%d leaks=%d rate=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                requests.get(), errors.get(), leaks.get(), requests.get() / elapsed, percentile(latencies, 0.50),
                percentile(latencies, 0.99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
                / 1e6;
    }

    /** What an answer must be; {@code check} says what is wrong with it, or null. */
    private enum Expect {
        OWN_CONTRACT, NOT_FOUND, OWN_PAGE;

        String check(HttpResponse<String> response, CompanyId own, int months) throws Exception {
            int wanted = this == NOT_FOUND ? 404 : 200;
            if (response.statusCode() != wanted) {
                return "status " + response.statusCode() + " (wanted " + wanted + "): " + response.body();
            }
            if (this == NOT_FOUND) {
                return null;
            }
            JsonNode items = JSON.readTree(response.body()).get("items");
            for (JsonNode item : items) {
                if (item.get("companyId").asLong() != own.asNumber()) {
                    return "an item of company " + item.get("companyId");
                }
            }
            if (this == OWN_CONTRACT && items.size() != months) {
                return items.size() + " months instead of " + months;
            }
            return null;
        }
    }
}
