package uk.socialprescribing.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform exactly as a person starts it, through ./platform, but on ports, a state folder and databases
 * of its own, so that it runs beside a developer's own ./platform up.
 */
final class LocalPlatform {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /**
     * {@code -De2e.platform=running}: use the platform a developer already runs with ./platform up (default ports,
     * its own databases), neither starting nor stopping it; for working on the tests that only talk to the gateway.
     */
    static final boolean ALREADY_RUNNING = "running".equals(System.getProperty("e2e.platform"));
    static final int GATEWAY = ALREADY_RUNNING ? 8080 : 18080;
    static final int KEYCLOAK = ALREADY_RUNNING ? 8180 : 18180;
    static final int KAFKA = ALREADY_RUNNING ? 9092 : 19092;
    static final int WEB = ALREADY_RUNNING ? 3000 : 13000;
    /** Where the tests' own platform's services reach PostgreSQL: the fault tests' proxy ({@link DatabaseProxy}). */
    static final int DATABASE_PROXY = 15432;
    static final List<String> DATABASES = List.of("referral_e2e", "caseload_e2e", "directory_e2e", "outcomes_e2e");

    private static final Map<String, String> ENVIRONMENT = ALREADY_RUNNING ? Map.of() : Map.ofEntries(
            Map.entry("PLATFORM_HOME", ROOT.resolve("e2e-tests/target/platform").toString()),
            Map.entry("PLATFORM_DB_SUFFIX", "_e2e"),
            Map.entry("GATEWAY_PORT", String.valueOf(GATEWAY)),
            Map.entry("KEYCLOAK_PORT", String.valueOf(KEYCLOAK)),
            Map.entry("KEYCLOAK_MANAGEMENT_PORT", "19180"),
            Map.entry("KAFKA_PORT", String.valueOf(KAFKA)),
            Map.entry("PLATFORM_SERVICES_PGPORT", String.valueOf(DATABASE_PROXY)),
            Map.entry("KAFKA_CONTROLLER_PORT", "19093"),
            Map.entry("REFERRAL_PORT", "18081"),
            Map.entry("CASELOAD_PORT", "18082"),
            Map.entry("DIRECTORY_PORT", "18083"),
            Map.entry("OUTCOMES_PORT", "18084"),
            Map.entry("WEB_PORT", String.valueOf(WEB)),
            // every request of these tests comes from 127.0.0.1, which the per-address self-referral limit counts
            Map.entry("REFERRAL_SELF_REFERRAL_CAPACITY", "100000"),
            Map.entry("REFERRAL_SELF_REFERRAL_ATTEMPT_CAPACITY", "100000"),
            // the journey's GP system listens on loopback, over plain http
            Map.entry("REFERRAL_WEBHOOKS_ALLOW_LOOPBACK", "true"),
            // the bad-input run sends some 20,000 requests a few minutes; the gateway's own tests hold it to its limits
            Map.entry("GATEWAY_RATE_PER_CLIENT", "1000000"),
            Map.entry("GATEWAY_RATE_PER_ADDRESS", "1000000"));

    private LocalPlatform() {
    }

    static String gateway() {
        return "http://127.0.0.1:" + GATEWAY;
    }

    /** A service's own address, behind the gateway (to show that it checks tokens itself). */
    static String service(String name) {
        int port = switch (name) {
            case "referral-service" -> 8081;
            case "caseload-service" -> 8082;
            case "directory-service" -> 8083;
            case "outcomes-service" -> 8084;
            default -> throw new IllegalArgumentException(name);
        };
        return "http://127.0.0.1:" + (ALREADY_RUNNING ? port : port + 10_000);
    }

    /** The web app, as a person's browser reaches it. */
    static String web() {
        return "http://127.0.0.1:" + WEB;
    }

    static String keycloak() {
        return "http://127.0.0.1:" + KEYCLOAK;
    }

    /** Where ./platform keeps its pid files and logs. */
    static Path home() {
        return ALREADY_RUNNING ? ROOT.resolve(".platform") : Path.of(ENVIRONMENT.get("PLATFORM_HOME"));
    }

    /** Stops one component as ./platform down would (SIGTERM), and waits for it to be gone. */
    static void stop(String component) throws Exception {
        long pid = Long.parseLong(Files.readString(home().resolve("pids/" + component + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        process.destroy();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    /** Drops the end-to-end databases so that the run starts clean (./platform up creates them again). */
    static void dropDatabases() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            for (String db : DATABASES) {
                s.execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    /**
     * Empties the tests' Kafka broker's log (./platform up starts it afresh), so that its topics start as empty as the
     * databases: events of an earlier run are in no outbox and no inbox of this one.
     */
    static void dropTopics() throws IOException {
        Path data = home().resolve("kafka-data");
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** A service's database in this run: the e2e copy's, or the developer's platform's. */
    static String database(String service) {
        return ALREADY_RUNNING ? service : service + "_e2e";
    }

    static String text(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs ./platform with these arguments; returns what it printed on standard output. */
    static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("platform").toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("platform-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(ENVIRONMENT);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./platform " + String.join(" ", arguments) + " did not finish");
        }
        String err = Files.readString(log);
        System.err.print(err);
        Files.delete(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./platform " + String.join(" ", arguments) + " failed (" + process.exitValue() + "):\n" + err);
        }
        return out;
    }

    /** The last line ./platform token prints: the access token. */
    static String token(String role) throws IOException, InterruptedException {
        String[] lines = run("token", role).strip().split("\n");
        return lines[lines.length - 1];
    }
}
