package com.nimbus.identity.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of the drill's own (initdb and pg_ctl from {@code /usr/lib/postgresql/15/bin}, or
 * {@code DRILL_PG_BIN}), in a temporary directory, on a free loopback port, trust authentication: restarting it disturbs
 * no other test. As root it runs as the OS user {@code postgres}, which PostgreSQL requires.
 */
final class OwnPostgres implements AutoCloseable {

    private final Path bin = Path.of(System.getenv().getOrDefault("DRILL_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private final Path dir;
    private final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    OwnPostgres() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("drill-pg");
        port = freePort();
        if (root) {
            run(List.of("chown", "-R", "postgres", dir.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C"), true);
        start();
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60", "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -c max_connections=200",
                "start"), true);
    }

    void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "fast", "stop"), true);
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            c.createStatement().execute("create database " + name);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            run(List.of("rm", "-rf", dir.toString()), false);
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
