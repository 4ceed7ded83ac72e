package uk.socialprescribing.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aConnectionRefusedCutOrShutDownIsTheDatabaseBeingAway() {
        // as PgJDBC reports each, wrapped as Hibernate and the transaction manager wrap them
        assertTrue(DatabaseUnavailable.causes(new IllegalStateException("commit failed",
                new SQLException("Connection to 127.0.0.1:15432 refused", "08001", new ConnectException("Connection refused")))));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertTrue(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causes(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.causes(new IllegalArgumentException("not a database failure")));
    }
}
