package uk.socialprescribing.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web app's settings (application.properties, "## Web"). */
@ConfigMapping(prefix = "web")
public interface WebConfig {

    /** The gateway, the only thing the app calls. */
    URI gateway();

    Session session();

    /**
     * A properties file of the deploying organisation's own, holding the wording of the licensed questionnaires it has a
     * licence to show (SWEMWBS, WEMWBS, UCLA3): item id = question, and INSTRUMENT.answers = the answers' words, lowest
     * first, separated by |. Without it those questionnaires show item numbers only (docs/web.md).
     */
    Optional<Path> questionnaires();

    interface Session {
        /** Encrypts the session cookie's key; at least 32 characters, set per deployment. */
        String secret();

        /** A session not used for this long has ended. */
        @WithDefault("PT15M")
        Duration idle();

        /** At most this many sessions are held (the least recently used go first). */
        @WithDefault("10000")
        long maximum();
    }
}
