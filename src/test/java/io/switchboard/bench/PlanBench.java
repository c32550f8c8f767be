package io.switchboard.bench;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.testsupport.ServiceProcess;

/**
 * Plan latency and memory of the packaged service on its embedded defaults, measured over HTTP from outside the JVM.
 * Runs only with {@code ./mvnw -Pbench verify}; prints figures, asserts nothing about speed.
 */
class PlanBench {
    static final int WARM_UP = 100;
    static final int MEASURED = 600;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final String auth = "Basic " + Base64.getEncoder().encodeToString("editor:editor".getBytes(StandardCharsets.UTF_8));

    @Test
    void plan_latencyAndMemory() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("switchboard-bench");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ServiceProcess.EMBEDDED_JVM_OPTIONS);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("SWITCHBOARD_DATA_DIR", data.toString());
        long started = System.nanoTime();
        Process service = builder.start();
        try {
            String base = "http://localhost:" + port;
            waitReady(base);
            System.out.printf("BENCH startup ready_ms=%d%n", (System.nanoTime() - started) / 1_000_000);
            JsonNode apps = json.readTree(Path.of("src/test/resources/planner/apps.json").toFile());
            List<String> appIds = new ArrayList<>();
            for (JsonNode app : apps) {
                appIds.add(json.readTree(post(base + "/api/apps", app.toString())).path("id").asText());
            }
            List<String> prompts = Files.readAllLines(Path.of("src/test/resources/planner/cases.jsonl")).stream()
                    .filter(l -> !l.isBlank()).map(l -> {
                        try {
                            return json.readTree(l).path("prompt").asText();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            for (int i = 0; i < WARM_UP; i++) {
                plan(base, appIds.get(i % appIds.size()), prompts.get(i % prompts.size()));
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                long t = System.nanoTime();
                plan(base, appIds.get(i % appIds.size()), prompts.get(i % prompts.size()));
                micros.add((System.nanoTime() - t) / 1000);
            }
            Collections.sort(micros);
            System.out.printf("BENCH plan p50_ms=%.1f p99_ms=%.1f%n", micros.get(micros.size() / 2) / 1000.0,
                    micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0);
            System.out.printf("BENCH memory rss_mb=%d%n", rssMegabytes(service.pid()));
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private void plan(String base, String appId, String prompt) throws Exception {
        post(base + "/api/apps/" + appId + "/plan", json.writeValueAsString(java.util.Map.of("prompt", prompt)));
    }

    private String post(String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void waitReady(String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not become ready in 90 s");
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
