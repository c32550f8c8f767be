package io.switchboard.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

import io.switchboard.connections.vault.TokenVault;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * What prod nodes share, on the machine's real engines: a PostgreSQL database of their own, RabbitMQ exchanges and
 * queues under a prefix of their own, and a real OIDC issuer (mock-oauth2-server) for their callers.
 */
public final class ProdBackends implements AutoCloseable {
    public static final String PG = "127.0.0.1:5432";
    public static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String ISSUER_ID = "switchboard";
    static final String CLIENT_ID = "switchboard";
    static final List<String> CHANNELS = List.of("app-events", "flow-runs");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MockOAuth2Server issuer = new MockOAuth2Server();
    private final String database;
    private final String prefix;

    /** Creates {@code database} empty (dropping an old one) and picks a fresh RabbitMQ prefix. */
    public ProdBackends(String database) throws SQLException {
        this.database = database;
        this.prefix = database + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
        issuer.start();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + PG + "/" + database;
    }

    public String rabbitPrefix() {
        return prefix;
    }

    /** The environment of one prod node; the provider API of Slack (bot) goes to {@code sinkUrl}. */
    public Map<String, String> nodeEnv(String sinkUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("SWITCHBOARD_ENCRYPTION_KEY", KEY);
        env.put("SWITCHBOARD_DB_URL", jdbcUrl());
        env.put("SWITCHBOARD_DB_USER", "postgres");
        env.put("SWITCHBOARD_OIDC_ISSUER", issuer.issuerUrl(ISSUER_ID).toString());
        env.put("SWITCHBOARD_RABBITMQ_PREFIX", prefix);
        env.put("SWITCHBOARD_CONNECTORS_SLACK_BOT_CLIENT_ID", "bench-client");
        env.put("SWITCHBOARD_CONNECTORS_SLACK_BOT_CLIENT_SECRET", "bench-secret");
        env.put("SWITCHBOARD_CONNECTORS_SLACK_BOT_API_BASE_URL", sinkUrl);
        // a node killed in a test is taken for dead after 10 s, not 15; shorter, a node starting on a loaded machine
        // misses beats and is taken for dead while alive, repeating its runs
        env.put("SWITCHBOARD_NODE_HEARTBEAT", "1S");
        env.put("SWITCHBOARD_NODE_DEAD_AFTER", "10S");
        return env;
    }

    /** A bearer token of {@code subject} from the issuer the nodes trust. */
    public String token(String subject) {
        var callback = new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
                Map.of("email", subject + "@example.org"), 3600);
        return issuer.issueToken(ISSUER_ID, CLIENT_ID, callback).serialize();
    }

    /** POSTs JSON as {@code authorization} and returns the answer, failing on anything but 2xx. */
    public JsonNode post(String url, String authorization, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /**
     * Writes an active shared connection straight into the database, its token sealed with the nodes' key as the vault
     * would, standing in for an OAuth dance the connection tests cover.
     */
    public static void seedSharedConnection(String jdbcUrl, String user, String appId, String connector, String scopes)
            throws SQLException {
        TokenVault vault = new TokenVault(Base64.getDecoder().decode(KEY), List.of());
        Timestamp now = Timestamp.from(Instant.now());
        String id = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
            try (PreparedStatement insert = db.prepareStatement("insert into connections (id, app_id, connector, mode,"
                    + " owner, account, scopes, status, access_token, created_at, updated_at)"
                    + " values (?, ?, ?, 'SHARED', 'app', 'bench@example.org', ?, 'ACTIVE', ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, appId);
                insert.setString(3, connector);
                insert.setString(4, scopes);
                insert.setString(5, vault.encrypt("xoxb-bench-token"));
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.executeUpdate();
            }
            for (String scope : scopes.split(" ")) {
                try (PreparedStatement insert = db.prepareStatement(
                        "insert into connection_scopes (connection_id, scope, granted_at) values (?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, scope);
                    insert.setTimestamp(3, now);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Opens a RabbitMQ channel on the machine's broker (127.0.0.1:5672, guest). */
    public static com.rabbitmq.client.Connection rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory.newConnection();
    }

    /** Removes the queues and exchanges under this prefix; the database stays for a look after a failure. */
    @Override
    public void close() throws Exception {
        issuer.shutdown();
        try (com.rabbitmq.client.Connection connection = rabbit(); Channel channel = connection.createChannel()) {
            for (String name : CHANNELS) {
                channel.queueDelete(prefix + "." + name);
                channel.queueDelete(prefix + "." + name + ".dlq");
                channel.exchangeDelete(prefix + "." + name);
            }
            channel.exchangeDelete(prefix + ".dead-letters");
        }
    }
}
