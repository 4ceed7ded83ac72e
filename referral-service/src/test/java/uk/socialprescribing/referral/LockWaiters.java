package uk.socialprescribing.referral;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/** For tests that hold a lock on one connection and need to know another transaction has come to wait on it. */
final class LockWaiters {

    private LockWaiters() {
    }

    /**
     * Waits (up to 20 s) until a backend of this database waits on a lock, or until {@code task} (if given) is done
     * without having waited: true in the first case, false in the others.
     */
    static boolean awaitOne(DataSource dataSource, Future<?> task) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection watcher = dataSource.getConnection();
                PreparedStatement waiting = watcher.prepareStatement(
                        "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
            while ((task == null || !task.isDone()) && System.nanoTime() < deadline) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return true;
                    }
                }
                Thread.sleep(20);
            }
        }
        return false;
    }
}
