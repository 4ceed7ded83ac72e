package uk.socialprescribing.referral.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read back from native queries, whichever Java type the driver chose for them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column as an Instant. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
