package uk.socialprescribing.conventions;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.transaction.xa.XAException;

/**
 * Tells a failure to reach the database (refused, cut, no connection to be had from the pool, the server shutting
 * down) from any other: the caller's request is not at fault and may be retried, so it is a 503, not a 500.
 */
final class DatabaseUnavailable {

    /** Hibernate's and Agroal's names for it, told by name so that this module needs neither. */
    private static final Set<String> CONNECTION_FAILURES = Set.of("org.hibernate.exception.JDBCConnectionException");

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        return find(failure) != null;
    }

    static String reason(Throwable failure) {
        Throwable cause = find(failure);
        return cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * Searches the causes and the suppressed exceptions: a commit whose connection was cut fails in the transaction
     * manager (Narayana's heuristic or rollback exception), which carries what the resource threw as suppressed, not
     * as its cause.
     */
    private static Throwable find(Throwable failure) {
        ArrayDeque<Throwable> toSee = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        toSee.add(failure);
        while (!toSee.isEmpty() && seen.size() < 50) {
            Throwable cause = toSee.poll();
            if (!seen.add(cause)) {
                continue;
            }
            if (isConnectionFailure(cause)) {
                return cause;
            }
            if (cause.getCause() != null) {
                toSee.add(cause.getCause());
            }
            toSee.addAll(Arrays.asList(cause.getSuppressed()));
        }
        return null;
    }

    static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException || CONNECTION_FAILURES.contains(cause.getClass().getName())) {
            return true;
        }
        if (cause instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL)) {
            return true; // the resource manager (the database) unreachable, or communication lost on commit
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") // connection exception
                    || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) { // shutdown, cannot connect now
                return true;
            }
            // Agroal: no connection could be had from the pool in time (its SQLException carries no state)
            String message = sql.getMessage();
            return state == null && message != null && message.startsWith("Acquisition timeout");
        }
        return false;
    }
}
