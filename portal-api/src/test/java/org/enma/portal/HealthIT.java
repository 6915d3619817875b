package org.enma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.enma.schema.TableNames;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.enma.store.ApiKeys;

/**
 * Health against a MongoDB that goes away and comes back, and a server stopped with a request in flight. Each test
 * has a MongoDB of its own (the shared one must stay up for the other tests); HBase is the shared mini cluster.
 */
@ExtendWith(EnmaStackExtension.class)
class HealthIT {
    private static TestStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void connect(TestStack testStack) {
        stack = testStack;
    }

    @Test
    void aStoppedMongoIsDownWithinTwoSecondsWithoutPilingUpProbesAndUpWithinFiveOfItsReturn() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port);
             Health health = new Health(client.getDatabase("enma"), stack.connection())) {
            assertThat(health.status()).isEqualTo(new Health.Status(true, true));

            mongo.shutdownNow();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                assertThat(health.status().mongoUp()).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
            }
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("enma-health-mongo"))).hasSize(1);

            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", port);
            long back = System.nanoTime();
            while (!health.status().mongoUp()) {
                assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(health.status()).isEqualTo(new Health.Status(true, true));
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void aStoppingServerFinishesTheRequestInFlightThenRefusesConnections() throws Exception {
        // a MongoDB that accepts connections and never answers: health takes its whole two seconds
        try (ServerSocket silent = new ServerSocket(0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + silent.getLocalPort())) {
            PortalServer.Services services = new PortalServer.Services(new ResultsEndpoints(null, null, Set.of(), null,
                    null), null, null,
                    new KeyCache(new ApiKeys(client.getDatabase("enma"))), new Health(client.getDatabase("enma"),
                    stack.connection()));
            PortalServer server = PortalServer.start(services, "127.0.0.1", 0);
            URI health = URI.create("http://127.0.0.1:" + server.port() + "/v1/health");
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            long closing = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isGreaterThan(Duration.ofMillis(800));
            // answered in full before the listener closed (the client may take a moment to hand it over)
            HttpResponse<String> answered = inFlight.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(503);
            assertThat(answered.body()).isEqualTo("{\"status\": \"degraded\", \"mongo\": \"down\","
                    + " \"hbase\": \"up\"}");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        }
    }
}
