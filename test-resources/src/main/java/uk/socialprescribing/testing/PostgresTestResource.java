package uk.socialprescribing.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh database of the test's own on the local PostgreSQL server (127.0.0.1:5432, user postgres, trust auth):
 * dropped and created again at the start of the run, so every run starts clean and leaves its data to look at.
 * Init arg {@code database}, e.g. {@code referral_test}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String HOST = System.getProperty("test.postgres.host", "127.0.0.1");
    static final String PORT = System.getProperty("test.postgres.port", "5432");
    static final String USER = System.getProperty("test.postgres.user", "postgres");

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z_]+_test")) {
            throw new IllegalArgumentException("PostgresTestResource needs init arg database=<name>_test, got " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String server = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(server, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL does not answer at " + HOST + ":" + PORT + " as user " + USER
                    + " (" + e.getMessage() + "). Start the local server, e.g. "
                    + "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'.", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // the database stays until the next run, for a person to inspect
    }
}
