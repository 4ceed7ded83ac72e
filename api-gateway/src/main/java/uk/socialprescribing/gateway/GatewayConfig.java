package uk.socialprescribing.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by service name. */
    Map<String, URI> upstreams();

    /** How long an upstream may take to answer before the caller gets a 503. */
    Duration upstreamTimeout();

    /** The gateway's public address, which the API document names as its server. */
    String publicBaseUrl();

    /** The token issuer partners are told about (the realm's public address). */
    String publicIssuer();

    /** The Kafka address partners are told about in the event catalogue. */
    String publicKafka();

    /**
     * The browser origins (scheme://host[:port]) of the frontends that may call the authenticated routes (CORS). The
     * public Open Referral UK feed is open to every origin; no other route is.
     */
    @WithDefault("http://127.0.0.1:3000,http://localhost:3000,http://localhost:5173")
    List<String> corsOrigins();

    /**
     * How many times a request is sent again when its service could not be reached (connection refused or closed
     * before an answer). Only for idempotent requests without a body: GET, HEAD, OPTIONS and DELETE.
     */
    @WithDefault("1")
    int retries();

    /** The circuit breaker each upstream has. */
    Breaker breaker();

    /** The memory of tokens already verified ({@link VerifiedTokens}). */
    TokenMemory verifiedTokens();

    interface TokenMemory {
        /** How long a verified token is taken without verifying it again (never past its own expiry); zero: not at all. */
        @WithDefault("PT30S")
        Duration ttl();

        /** How many tokens are remembered at most. */
        @WithDefault("10000")
        int maxSize();
    }

    /** Requests per client (a token's client) and per address (on public routes). */
    RateLimit rateLimit();

    /**
     * The longest path and query, in characters: a longer one is refused with 414 as a problem before it reaches a
     * service (whose HTTP layer would refuse a request line over 4,096 bytes with an empty 414).
     */
    @WithDefault("4000")
    int maxUriLength();

    /** The largest request body, in bytes: a larger one is refused with 413 before it reaches a service. */
    @WithDefault("10485760")
    long maxBodyBytes();

    interface Breaker {
        /** Failures in a row (no answer in time, or a 5xx) that open the circuit. */
        @WithDefault("5")
        int maxFailures();

        /** How long an open circuit answers 503 at once before it lets one request try. */
        @WithDefault("PT10S")
        Duration reset();
    }

    interface RateLimit {
        /** Requests a client may make per window (a token bucket, refilled evenly). */
        @WithDefault("600")
        long perClient();

        @WithDefault("PT1M")
        Duration perClientWindow();

        /** Requests an address may make per window on the public routes (no token). */
        @WithDefault("600")
        long perAddress();

        @WithDefault("PT1M")
        Duration perAddressWindow();
    }
}
