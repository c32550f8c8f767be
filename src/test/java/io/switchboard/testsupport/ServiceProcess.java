package io.switchboard.testsupport;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service as a process of its own, on a free port, with a clean environment and its output in a file. */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The JVM options of the README's start command for the embedded default (see its Quickstart for why), or
     * {@code bench.embedded.jvm} (space-separated) to compare others.
     */
    public static final List<String> EMBEDDED_JVM_OPTIONS = List.of(System.getProperty("bench.embedded.jvm",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx96m -XX:MaxDirectMemorySize=128m").split(" ")).stream()
            .filter(o -> !o.isBlank()).toList();

    /**
     * Starts {@code jar} with {@code env} on top of an environment without inherited QUARKUS_ or SWITCHBOARD_
     * variables, and waits until {@code /q/health/ready} answers 200.
     */
    public static ServiceProcess start(Path jar, String name, Path logDir, Map<String, String> env) throws Exception {
        return start(jar, name, logDir, env, List.of());
    }

    public static ServiceProcess start(Path jar, String name, Path logDir, Map<String, String> env,
            List<String> jvmOptions) throws Exception {
        int port = freePort();
        Path log = logDir.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("SWITCHBOARD_"));
        environment.putAll(env);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        ServiceProcess service = new ServiceProcess(builder.start(), log, port);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** kill -9: no shutdown hook, no acknowledgement, nothing finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting:\n" + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service was not ready after " + limit + ":\n" + log());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
