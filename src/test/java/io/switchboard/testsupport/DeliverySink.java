package io.switchboard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Slack's chat.postMessage (the path, and the {@code ok} answer the executor checks) that counts what it
 * receives by the message text, which the flows under test set to a key unique per event. A plain HTTP server, not
 * WireMock, so that thousands of requests a second cost the machine little.
 */
public final class DeliverySink implements AutoCloseable {
    public static final String PATH = "/api/chat.postMessage";

    static {
        // The JDK server sends headers and body in separate writes; with Nagle's algorithm on, each answer then waits
        // for the client's delayed ACK (about 40 ms), which capped the benchmarks at workers / 40 ms. Read once, when
        // the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One key's deliveries: how many, and when the first arrived ({@link System#nanoTime()}). */
    public static final class Delivery {
        final AtomicInteger count = new AtomicInteger();
        volatile long firstArrival;

        public int count() {
            return count.get();
        }

        public long firstArrival() {
            return firstArrival;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private volatile long delayMillis;

    public DeliverySink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext(PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The API base URL to give the connector ({@code SWITCHBOARD_CONNECTORS_SLACK_BOT_API_BASE_URL}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How long each answer waits, to keep runs in flight. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public Map<String, Delivery> deliveries() {
        return deliveries;
    }

    /** Requests received and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        inFlight.incrementAndGet();
        try (exchange) {
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readTree(in);
            }
            String key = body.path("text").asText();
            Delivery delivery = deliveries.computeIfAbsent(key, k -> new Delivery());
            boolean first = delivery.count.incrementAndGet() == 1;
            if (first) {
                delivery.firstArrival = arrived;
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] answer = ("{\"ok\":true,\"channel\":\"C024BE91L\",\"ts\":\"" + arrived + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
