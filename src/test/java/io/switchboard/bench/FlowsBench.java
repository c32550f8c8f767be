package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.testsupport.Await;
import io.switchboard.testsupport.DeliverySink;
import io.switchboard.testsupport.ProdBackends;
import io.switchboard.testsupport.ServiceProcess;

/**
 * Record event to provider delivery, through the packaged service: an entity-event flow posts each new Todo's title to
 * a local Slack stand-in ({@link DeliverySink}) that counts deliveries by title, a key unique per event. Events are
 * sent open loop at a fixed rate over HTTP; latency is from sending the record to the provider receiving the post.
 * Prints figures and asserts nothing about speed. {@code -Dbench.jfr=true} records a JFR profile of each service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowsBench {
    static final Path EMBEDDED_JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Path PROD_JAR = Path.of("target", "prod-app", "quarkus-run.jar");
    static final int EVENTS = Integer.getInteger("bench.events", 10_000);
    static final int CRASH_EVENTS = Integer.getInteger("bench.crash-events", 5_000);
    static final int WARM_UP = 500;
    static final int IN_FLIGHT = 256;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Path logs = createLogs();

    @Test
    @Order(1)
    void flows_embedded() throws Exception {
        Path data = Files.createTempDirectory(logs, "embedded-data");
        // AUTO_SERVER lets this JVM write the connection while the service has the database open
        String h2 = "jdbc:h2:file:" + data.toAbsolutePath() + "/switchboard;AUTO_SERVER=TRUE";
        try (DeliverySink sink = new DeliverySink()) {
            Map<String, String> env = new HashMap<>();
            env.put("SWITCHBOARD_DATA_DIR", data.toString());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", h2);
            env.put("SWITCHBOARD_ENCRYPTION_KEY", ProdBackends.KEY);
            env.put("SWITCHBOARD_CONNECTORS_SLACK_BOT_CLIENT_ID", "bench-client");
            env.put("SWITCHBOARD_CONNECTORS_SLACK_BOT_CLIENT_SECRET", "bench-secret");
            env.put("SWITCHBOARD_CONNECTORS_SLACK_BOT_API_BASE_URL", sink.baseUrl());
            try (ServiceProcess node = ServiceProcess.start(EMBEDDED_JAR, "embedded", logs, env, jvmOptions("embedded"))) {
                String auth = "Basic " + Base64.getEncoder().encodeToString("editor:editor".getBytes(StandardCharsets.UTF_8));
                String appId = setUp(node, auth, appId2 -> seed(h2, "sa", appId2));
                Result result = measure(sink, List.of(node), auth, appId, EVENTS,
                        Integer.getInteger("bench.embedded.rate", 2_000), null);
                System.out.printf("BENCH flows mode=embedded runs_per_s=%.0f p99_ms=%.1f lost=%d duplicates=%d%n",
                        result.runsPerSecond, result.p99Millis, result.lost, result.duplicates);
                note("embedded", result);
            }
        }
    }

    @Test
    @Order(2)
    void flows_postgresAndRabbitmq() throws Exception {
        try (ProdBackends backends = new ProdBackends("switchboard_bench"); DeliverySink sink = new DeliverySink();
                ServiceProcess node = ServiceProcess.start(PROD_JAR, "prod", logs, backends.nodeEnv(sink.baseUrl()),
                        jvmOptions("prod"))) {
            String auth = "Bearer " + backends.token("editor");
            String appId = setUp(node, auth, id -> seed(backends.jdbcUrl(), "postgres", id));
            Result result = measure(sink, List.of(node), auth, appId, EVENTS,
                    Integer.getInteger("bench.prod.rate", 1_000), null);
            System.out.printf(
                    "BENCH flows mode=postgres+rabbitmq runs_per_s=%.0f p99_ms=%.1f lost=%d duplicates=%d%n",
                    result.runsPerSecond, result.p99Millis, result.lost, result.duplicates);
            note("postgres+rabbitmq", result);
        }
    }

    @Test
    @Order(3)
    void crash_oneOfTwoNodesKilledHalfway() throws Exception {
        try (ProdBackends backends = new ProdBackends("switchboard_bench_crash"); DeliverySink sink = new DeliverySink()) {
            Map<String, String> env = backends.nodeEnv(sink.baseUrl());
            ServiceProcess a = ServiceProcess.start(PROD_JAR, "crash-a", logs, env);
            ServiceProcess[] b = { ServiceProcess.start(PROD_JAR, "crash-b", logs, env) };
            try {
                String auth = "Bearer " + backends.token("editor");
                String appId = setUp(a, auth, id -> seed(backends.jdbcUrl(), "postgres", id));
                long[] atKill = new long[3];
                Thread restart = new Thread(() -> {
                    try {
                        atKill[0] = sink.inFlight();
                        atKill[1] = System.nanoTime();
                        b[0].kill();
                        atKill[2] = heldBy(backends.jdbcUrl(), b[0]);
                        b[0] = ServiceProcess.start(PROD_JAR, "crash-b-restarted", logs, env);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                // Events go to a, standing for the load balancer's surviving side; b works runs beside it, is killed
                // with kill -9 halfway and started again while the events keep coming.
                Result result = measure(sink, List.of(a), auth, appId, CRASH_EVENTS,
                        Integer.getInteger("bench.crash.rate", 500), sent -> {
                            if (sent == CRASH_EVENTS / 2) {
                                restart.start();
                            }
                        });
                restart.join();
                long firstBeforeKill = sink.deliveries().values().stream()
                        .filter(d -> d.count() > 1 && d.firstArrival() < atKill[1]).count();
                System.out.printf("BENCH crash lost=%d duplicates=%d%n", result.lost, result.duplicates);
                System.out.printf("bench crash: b was working %d run(s) when killed (%d provider call(s) open); of the"
                        + " keys delivered twice, %d were first delivered before the kill; runs_per_s=%.0f p99_ms=%.1f,"
                        + " load average %s%n", atKill[2], atKill[0], firstBeforeKill, result.runsPerSecond,
                        result.p99Millis, loadAverage());
            } finally {
                a.close();
                b[0].close();
            }
        }
    }

    record Result(double runsPerSecond, double p99Millis, double p50Millis, long lost, long duplicates,
            double sendSeconds, double cpuMillisPerRun) {
    }

    /** Creates the app, its connection and the entity-event flow, then warms the path up; returns the app id. */
    String setUp(ServiceProcess node, String auth, Function<String, Void> seedConnection) throws Exception {
        String appId = json.readTree(post(node.baseUrl() + "/api/apps", auth, Map.of("name", "Tasks", "plan", "builder",
                "timezone", "Europe/Paris", "entities", List.of(Map.of("name", "Todo", "fields",
                        List.of(Map.of("name", "title", "type", "string"))))))).path("id").asText();
        seedConnection.apply(appId);
        post(node.baseUrl() + "/api/apps/" + appId + "/flows", auth, Map.of("connector", "slack_bot",
                "action", "slack_bot.post_message", "trigger", Map.of("type", "entity_event", "entity", "Todo",
                        "event", "created"),
                "inputs", Map.of("channel", "support", "text", "{record.title}")));
        return appId;
    }

    /**
     * Warms up, then sends {@code events} new Todos at {@code rate} a second to the nodes in turn (at most
     * {@value #IN_FLIGHT} requests open), and waits for every delivery. {@code afterSend} hears each count sent.
     */
    Result measure(DeliverySink sink, List<ServiceProcess> nodes, String auth, String appId, int events, int rate,
            java.util.function.IntConsumer afterSend) throws Exception {
        send(nodes, auth, appId, "warm-", WARM_UP, rate, null);
        Await.until(() -> sink.deliveries().keySet().stream().filter(k -> k.startsWith("warm-")).count() >= WARM_UP,
                Duration.ofSeconds(120), () -> "the warm-up deliveries");
        long cpuBefore = cpuMillis(nodes);
        Map<String, Long> sentAt = send(nodes, auth, appId, "ev-", events, rate, afterSend);
        long start = Collections.min(sentAt.values());
        long sendEnd = Collections.max(sentAt.values());
        Await.until(() -> delivered(sink, sentAt) == sentAt.size(), Duration.ofSeconds(600),
                () -> delivered(sink, sentAt) + " of " + sentAt.size() + " delivered");
        double cpuPerRun = (cpuMillis(nodes) - cpuBefore) / (double) events;
        Thread.sleep(1000); // late duplicates
        List<Long> latencies = new ArrayList<>();
        long last = start;
        long duplicates = 0;
        for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
            DeliverySink.Delivery delivery = sink.deliveries().get(sent.getKey());
            latencies.add(delivery.firstArrival() - sent.getValue());
            last = Math.max(last, delivery.firstArrival());
            duplicates += delivery.count() - 1;
        }
        Collections.sort(latencies);
        return new Result(events / ((last - start) / 1e9), percentile(latencies, 0.99), percentile(latencies, 0.50),
                events - delivered(sink, sentAt), duplicates, (sendEnd - start) / 1e9, cpuPerRun);
    }

    /** Open loop: request i leaves at start + i/rate, whatever the answers before it; returns each key's send time. */
    Map<String, Long> send(List<ServiceProcess> nodes, String auth, String appId, String prefix, int events, int rate,
            java.util.function.IntConsumer afterSend) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Semaphore open = new Semaphore(IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String key = prefix + i;
            String url = nodes.get(i % nodes.size()).baseUrl() + "/api/apps/" + appId + "/entities/Todo/records";
            open.acquire();
            sentAt.put(key, System.nanoTime());
            http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + key + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        open.release();
                        if (error != null || response.statusCode() != 201) {
                            sentAt.remove(key);
                            failed.incrementAndGet();
                        }
                    });
            if (afterSend != null) {
                afterSend.accept(i + 1);
            }
        }
        open.acquire(IN_FLIGHT);
        open.release(IN_FLIGHT);
        if (failed.get() > 0) {
            System.out.printf("bench: %d of %d record requests failed and are not counted%n", failed.get(), events);
        }
        return sentAt;
    }

    static long delivered(DeliverySink sink, Map<String, Long> sentAt) {
        return sentAt.keySet().stream().filter(sink.deliveries()::containsKey).count();
    }

    static double percentile(List<Long> sortedNanos, double p) {
        return sortedNanos.get((int) Math.ceil(sortedNanos.size() * p) - 1) / 1e6;
    }

    void note(String mode, Result result) {
        System.out.printf("bench %s: p50_ms=%.1f, sending took %.1f s, service cpu_ms_per_run=%.2f, load average %s%n",
                mode, result.p50Millis, result.sendSeconds, result.cpuMillisPerRun, loadAverage());
    }

    /** CPU time (user + system) the service processes have used so far, from /proc; the nodes started, none gone. */
    static long cpuMillis(List<ServiceProcess> nodes) {
        long ticks = 0;
        for (ServiceProcess node : nodes) {
            try {
                String stat = Files.readString(Path.of("/proc/" + node.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (Exception gone) {
                // a killed node's time is lost with it
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    List<String> jvmOptions(String name) {
        List<String> options = new ArrayList<>();
        if (name.equals("embedded")) {
            options.addAll(ServiceProcess.EMBEDDED_JVM_OPTIONS);
        }
        if (Boolean.getBoolean("bench.jfr")) {
            options.add("-XX:FlightRecorderOptions:stackdepth=512"); // Hibernate's stacks are deeper than the default 64
            options.add("-XX:StartFlightRecording=filename=" + logs.resolve(name + ".jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        return options;
    }

    String post(String url, String auth, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Runs the node holds as running: frozen once it is killed, until another node takes them over. */
    static long heldBy(String jdbcUrl, ServiceProcess node) throws Exception {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("Run node ([0-9a-f-]{36}) started")
                .matcher(node.log());
        if (!id.find()) {
            return -1;
        }
        try (var db = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
                var query = db.prepareStatement("select count(*) from flow_runs where status = 'running' and node_id = ?")) {
            query.setString(1, id.group(1));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Void seed(String jdbcUrl, String user, String appId) {
        try {
            ProdBackends.seedSharedConnection(jdbcUrl, user, appId, "slack_bot", "chat:write");
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path createLogs() {
        try {
            return Files.createDirectories(Path.of("target", "bench"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
