package uk.socialprescribing.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

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

    private static Throwable find(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (isConnectionFailure(cause)) {
                return cause;
            }
        }
        return null;
    }

    static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException || CONNECTION_FAILURES.contains(cause.getClass().getName())) {
            return true;
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
