package uk.socialprescribing.conventions;

import java.nio.channels.ClosedChannelException;
import java.util.Set;

/**
 * Tells a caller that hung up before its request was read (the body cut off mid-way) from a failure of ours: nobody
 * is left to answer, and nothing went wrong on our side, so it is no incident to log at ERROR.
 */
final class CallerGone {

    /** Vert.x's name for it, told by name so that this module does not need Vert.x. */
    private static final Set<String> CLOSED = Set.of("io.vertx.core.http.HttpClosedException");

    private CallerGone() {
    }

    static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof ClosedChannelException || CLOSED.contains(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
