package uk.socialprescribing.caseload.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A connection's moves, without a database: suggested, referred, attending, then completed or dropped out. */
class ConnectionMovesTest {

    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    static Connection made(Connection.Status status) {
        return Connection.make(UUID.randomUUID(), ListedService.heardOf(UUID.randomUUID(), AT), "walking", status,
                status.needsReason() ? Connection.Reason.NO_SPACE : null, null, "amara.okafor", AT);
    }

    @Test
    void aConnectionGoesForwardOnly() {
        Connection c = made(Connection.Status.SUGGESTED);
        c.moveTo(Connection.Status.REFERRED, null, null, AT);
        c.moveTo(Connection.Status.ATTENDING, null, null, AT);
        c.moveTo(Connection.Status.COMPLETED, null, "Walks every week", AT);
        assertEquals(Connection.Status.COMPLETED, c.status());
        Connection.IllegalMoveException ended = assertThrows(Connection.IllegalMoveException.class,
                () -> c.moveTo(Connection.Status.ATTENDING, null, null, AT));
        assertTrue(ended.getMessage().contains("it has ended"), ended.getMessage());
    }

    @Test
    void eachStateHasItsNextOnes() {
        assertEquals(EnumSet.of(Connection.Status.REFERRED, Connection.Status.ATTENDING, Connection.Status.DECLINED),
                Connection.Status.SUGGESTED.next());
        assertEquals(EnumSet.of(Connection.Status.ATTENDING, Connection.Status.DECLINED), Connection.Status.REFERRED.next());
        assertEquals(EnumSet.of(Connection.Status.COMPLETED, Connection.Status.DROPPED_OUT), Connection.Status.ATTENDING.next());
        for (Connection.Status ended : EnumSet.of(Connection.Status.COMPLETED, Connection.Status.DECLINED, Connection.Status.DROPPED_OUT)) {
            assertTrue(ended.next().isEmpty(), ended + " has ended");
        }
        // a referred connection cannot be completed without the person attending first
        Connection referred = made(Connection.Status.REFERRED);
        assertThrows(Connection.IllegalMoveException.class, () -> referred.moveTo(Connection.Status.COMPLETED, null, null, AT));
        assertEquals(Connection.Status.REFERRED, referred.status());
    }

    @Test
    void aConnectionStartsSuggestedReferredAttendingOrDeclined() {
        assertThrows(IllegalArgumentException.class, () -> made(Connection.Status.COMPLETED));
        assertThrows(IllegalArgumentException.class, () -> made(Connection.Status.DROPPED_OUT));
        assertEquals(Connection.Status.DECLINED, made(Connection.Status.DECLINED).status());
    }
}
