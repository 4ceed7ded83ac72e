package uk.socialprescribing.conventions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

import org.junit.jupiter.api.Test;

class CallerGoneTest {

    @Test
    void aBodyCutOffByTheCallerHangingUpIsTheCallerGone() {
        // as RESTEasy Reactive reports it when the connection closes before the body is read
        assertTrue(CallerGone.causes(new UncheckedIOException(new IOException(new ClosedChannelException()))));
    }

    @Test
    void otherInputFailuresAreNot() {
        assertFalse(CallerGone.causes(new UncheckedIOException(new IOException("Broken pipe"))));
        assertFalse(CallerGone.causes(new IllegalStateException("not a connection at all")));
    }
}
