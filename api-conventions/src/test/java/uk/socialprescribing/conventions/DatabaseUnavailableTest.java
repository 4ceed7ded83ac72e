package uk.socialprescribing.conventions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import javax.transaction.xa.XAException;

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

    /**
     * A connection cut while the transaction commits: Agroal's local XA resource throws an XAException caused by the
     * driver's I/O error, and Narayana throws a heuristic (or rollback) exception of its own, with no cause, that
     * carries it as suppressed (once a 500 in the database-outage fault test).
     */
    @Test
    void aConnectionCutAtCommitIsTheDatabaseBeingAwayThoughTheTransactionManagerOnlySuppressesIt() {
        XAException commitFailed = new XAException("Error trying to transactionCommit local transaction: An I/O error occurred");
        commitFailed.errorCode = XAException.XAER_RMERR;
        commitFailed.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Exception heuristic = new Exception("heuristic outcome, as jakarta.transaction.HeuristicMixedException");
        heuristic.addSuppressed(commitFailed);
        assertTrue(DatabaseUnavailable.causes(new RuntimeException("as QuarkusTransactionException", heuristic)));

        XAException lost = new XAException(XAException.XA_RBCOMMFAIL);
        Exception rolledBack = new Exception("as jakarta.transaction.RollbackException");
        rolledBack.addSuppressed(lost);
        assertTrue(DatabaseUnavailable.causes(rolledBack));
        assertTrue(DatabaseUnavailable.causes(new XAException(XAException.XAER_RMFAIL)));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        Exception heuristic = new Exception("heuristic outcome");
        heuristic.addSuppressed(new XAException(XAException.XAER_PROTO));
        assertFalse(DatabaseUnavailable.causes(heuristic));
        Exception selfSuppressing = new Exception("a cycle");
        RuntimeException other = new RuntimeException(selfSuppressing);
        selfSuppressing.addSuppressed(other);
        assertFalse(DatabaseUnavailable.causes(other));
        assertFalse(DatabaseUnavailable.causes(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.causes(new IllegalArgumentException("not a database failure")));
    }
}
