package uk.socialprescribing.referral.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (application.properties, section "Referral rules"). */
@ConfigMapping(prefix = "referral")
public interface ReferralConfig {

    Triage triage();

    SelfReferral selfReferral();

    Webhooks webhooks();

    DemoData demoData();

    interface DemoData {
        /** Local demo only: load fictional referrals on the first start of an empty service. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Triage {
        /** Working days after receipt by which a referral must be triaged. */
        @WithDefault("5")
        int workingDays();

        /** Days that are not working days besides weekends (England and Wales bank holidays). */
        Set<LocalDate> bankHolidays();
    }

    interface SelfReferral {
        /** Self-referrals one client address may make per {@link #period()}. */
        @WithDefault("5")
        long capacity();

        /**
         * Attempts in all (a form refused for its problems counts here, and not against {@link #capacity()}) one client
         * address may make per {@link #period()}: room to correct a form, with abuse still limited.
         */
        @WithDefault("30")
        long attemptCapacity();

        @WithDefault("PT1H")
        Duration period();
    }

    interface Webhooks {
        /**
         * Whether a webhook may be on this machine (loopback), over http or https: for trying webhooks locally (the dev
         * and test profiles). Otherwise a webhook is https, and on a public address (not loopback, private, link-local).
         */
        @WithDefault("false")
        boolean allowLoopback();

        /**
         * Address blocks a webhook may be on besides public addresses (a referrer's system on a private network the
         * platform reaches, such as the HSCN), as CIDR: 10.20.0.0/16. None by default.
         */
        Optional<List<String>> allowedAddresses();

        /**
         * The keys that seal webhook secrets at rest (AES-256-GCM), as {@code id:base64 of 32 bytes}, comma-separated:
         * the first seals, every one opens (rotation: WebhookSecrets). Required: none stops the service at start.
         */
        Optional<List<String>> secretKeys();

        /** The wait before the first retry; it doubles on each failure. */
        @WithDefault("PT30S")
        Duration backoff();

        @WithDefault("8")
        int maxAttempts();

        /** How often due deliveries are looked for. */
        @WithDefault("2s")
        String interval();

        @WithDefault("PT10S")
        Duration timeout();
    }
}
