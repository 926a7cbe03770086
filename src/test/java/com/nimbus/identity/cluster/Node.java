package com.nimbus.identity.cluster;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One node of the application: the packaged jar in a JVM of its own on a loopback port. */
final class Node {

    private final String name;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    Node(String name, int port, List<String> arguments, Path logDir) {
        this.name = name;
        this.port = port;
        this.arguments = arguments;
        this.log = logDir.resolve(name + ".log");
    }

    static Path jar() {
        File[] jars = new File("target").listFiles((dir, file) -> file.startsWith("identity-verification-")
                && file.endsWith(".jar") && !file.endsWith("-sources.jar") && !file.endsWith(".original"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no packaged jar in target/: the drill runs after mvn package");
        }
        return jars[0].toPath();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** kill -9: no shutdown hook, no job given back, connections left to the database to notice. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Waits until the node answers its health check UP; how long it took. */
    Duration awaitUp(Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() - start < atMost.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " did not come up within " + atMost + "; see " + log);
    }
}
