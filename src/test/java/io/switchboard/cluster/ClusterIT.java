package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import io.switchboard.testsupport.Await;
import io.switchboard.testsupport.DeliverySink;
import io.switchboard.testsupport.ProdBackends;
import io.switchboard.testsupport.ServiceProcess;

/**
 * Two prod nodes, each its own process from the jar packaged with {@code -Dquarkus.profile=prod}, on different ports,
 * sharing the machine's PostgreSQL and RabbitMQ: schedule slots fire once, runs spread over both, and a node killed
 * with kill -9 while runs are in flight loses none of them.
 */
class ClusterIT {
    static final Path JAR = Path.of("target", "prod-app", "quarkus-run.jar");
    static final int EVENTS = 120;
    static final Pattern FIRED = Pattern.compile("Flow ([0-9a-f-]{36}) fired its slot (\\S+?)[\"\\s]");

    @TempDir
    static Path logs;
    static ProdBackends backends;
    static DeliverySink sink;
    static ServiceProcess a;
    static ServiceProcess b;
    static String editor;
    static String appId;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        assertThat(JAR).as("the prod build (made in pre-integration-test)").exists();
        backends = new ProdBackends("switchboard_cluster_it");
        sink = new DeliverySink();
        Map<String, String> env = new HashMap<>(backends.nodeEnv(sink.baseUrl()));
        env.put("QUARKUS_LOG_CATEGORY__IO_SWITCHBOARD_FLOWS_TRIGGER__LEVEL", "DEBUG");
        a = ServiceProcess.start(JAR, "a", logs, env);
        b = ServiceProcess.start(JAR, "b", logs, env);
        editor = "Bearer " + backends.token("editor");
        appId = backends.post(a.baseUrl() + "/api/apps", editor, Map.of("name", "Tasks", "plan", "builder",
                "timezone", "Europe/Paris", "entities", List.of(Map.of("name", "Todo",
                        "fields", List.of(Map.of("name", "title", "type", "string"))))))
                .path("id").asText();
        ProdBackends.seedSharedConnection(backends.jdbcUrl(), "postgres", appId, "slack_bot", "chat:write");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] { a, b, sink, backends }) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void twoNodes_scheduleAndRecordEvents_slotsOnceRunsSpreadNothingLostWhenOneIsKilled() throws Exception {
        assertThat(health(a)).contains("\"status\": \"UP\"").contains("Database connections health check")
                .contains("app-events").contains("flow-runs");

        String everySecond = flow(Map.of("type", "schedule", "cron", "* * * * * ?", "timezone", "UTC"), "slot");
        flow(Map.of("type", "entity_event", "entity", "Todo", "event", "created"), "{record.title}");

        // Record events half through each node; the sink holds each delivery so that runs are in flight.
        sink.delay(150);
        for (int i = 0; i < EVENTS / 2; i++) {
            addTodo(i % 2 == 0 ? a : b, "todo-" + i);
        }
        Await.until(() -> sink.deliveries().size() >= EVENTS / 4, Duration.ofSeconds(60), () -> "a quarter delivered");
        String nodeB = nodeId(b);
        Await.until(() -> count("select count(*) from flow_runs where status = 'running' and node_id = '" + nodeB + "'") > 0,
                Duration.ofSeconds(20), () -> "runs in flight on b");
        b.kill();
        // taken once b is gone: b's own deliveries (of runs it had in flight) all arrive before this moment
        long killedAt = System.nanoTime();
        long heldByB = count("select count(*) from flow_runs where status in ('queued', 'running') and node_id = '"
                + nodeB + "'");
        for (int i = EVENTS / 2; i < EVENTS; i++) {
            addTodo(a, "todo-" + i);
        }

        Await.until(() -> delivered() == EVENTS, Duration.ofSeconds(60),
                () -> "all " + EVENTS + " todos delivered, got " + delivered());
        Await.until(() -> count("select count(*) from flow_runs where status not in ('succeeded', 'retrying')"
                + " and flow_id <> '" + everySecond + "'") == 0, Duration.ofSeconds(30), () -> "every run finished");

        // lost = 0; a key delivered twice was first delivered before the kill, by a run the killed node had in flight
        for (int i = 0; i < EVENTS; i++) {
            assertThat(sink.deliveries()).containsKey("todo-" + i);
        }
        long twice = sink.deliveries().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("todo-") && entry.getValue().count() > 1).peek(entry -> {
                    assertThat(entry.getValue().firstArrival()).as(entry.getKey() + " delivered twice")
                            .isLessThan(killedAt);
                }).count();
        assertThat(a.log()).as("a took over what b held").contains("Took over");
        System.out.printf("cluster: b held %d run(s) when killed, %d todo(s) delivered twice%n", heldByB, twice);
        assertThat(count("select count(distinct node_id) from flow_runs where status = 'succeeded'"
                + " and flow_id <> '" + everySecond + "'")).as("nodes that finished record runs").isEqualTo(2);

        // each schedule slot fired on exactly one node, and gave one run. The schedule goes on firing meanwhile, so
        // the runs are read first: a firing's log line is written before its run, so each run's slot is in the logs
        // read after, which may also hold the slot being fired just then.
        List<String> runSlots = column("select idempotency_key from flow_runs where flow_id = '" + everySecond + "'")
                .stream().map(key -> key.substring(key.lastIndexOf(":schedule:") + ":schedule:".length())).toList();
        Map<String, Integer> fired = new HashMap<>();
        for (String log : List.of(a.log(), b.log())) {
            Matcher m = FIRED.matcher(log);
            while (m.find()) {
                if (m.group(1).equals(everySecond)) {
                    fired.merge(m.group(2), 1, Integer::sum);
                }
            }
        }
        assertThat(fired).as("slots fired").hasSizeGreaterThanOrEqualTo(5);
        assertThat(fired.values()).as("firings per slot").containsOnly(1);
        assertThat(fired.keySet()).as("slots fired").containsAll(runSlots);
        assertThat(fired.keySet().stream().filter(slot -> !runSlots.contains(slot)))
                .as("slots fired but not run yet (the one in flight)").hasSizeLessThanOrEqualTo(1);

        // a message the node cannot read is put back, then dead-lettered
        try (var connection = ProdBackends.rabbit(); Channel channel = connection.createChannel()) {
            channel.basicPublish(backends.rabbitPrefix() + ".app-events", "",
                    new AMQP.BasicProperties.Builder().contentType("application/json").build(),
                    "{not json".getBytes(StandardCharsets.UTF_8));
            String dlq = backends.rabbitPrefix() + ".app-events.dlq";
            GetResponse[] dead = new GetResponse[1];
            Await.until(() -> (dead[0] = basicGet(channel, dlq)) != null, Duration.ofSeconds(30),
                    () -> "the unreadable message in " + dlq);
            assertThat(new String(dead[0].getBody(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        }
        addTodo(a, "after-poison");
        Await.until(() -> sink.deliveries().containsKey("after-poison"), Duration.ofSeconds(30),
                () -> "a record event after the poison message");
    }

    static String nodeId(ServiceProcess node) throws Exception {
        Matcher m = Pattern.compile("Run node ([0-9a-f-]{36}) started").matcher(node.log());
        assertThat(m.find()).as("the node's id in its log").isTrue();
        return m.group(1);
    }

    static String flow(Map<String, String> trigger, String text) throws Exception {
        return backends.post(a.baseUrl() + "/api/apps/" + appId + "/flows", editor, Map.of("connector", "slack_bot",
                "action", "slack_bot.post_message", "trigger", trigger,
                "inputs", Map.of("channel", "support", "text", text))).path("id").asText();
    }

    static void addTodo(ServiceProcess node, String title) throws Exception {
        backends.post(node.baseUrl() + "/api/apps/" + appId + "/entities/Todo/records", editor,
                Map.of("title", title));
    }

    static long delivered() {
        return sink.deliveries().keySet().stream().filter(key -> key.startsWith("todo-")).count();
    }

    static String health(ServiceProcess node) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + "/q/health/ready"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    static long count(String sql) {
        return Long.parseLong(column(sql).get(0));
    }

    /** The first column of every row {@code sql} gives, as text. */
    static List<String> column(String sql) {
        try (Connection db = DriverManager.getConnection(backends.jdbcUrl(), "postgres", "");
                Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static GetResponse basicGet(Channel channel, String queue) {
        try {
            return channel.basicGet(queue, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
