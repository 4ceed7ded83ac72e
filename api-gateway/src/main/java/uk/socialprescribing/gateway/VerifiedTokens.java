package uk.socialprescribing.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A short memory of the bearer tokens the gateway has verified. Verifying a token (parsing the JWT, checking its RSA
 * signature, building the identity) is a large part of the gateway's CPU per request (a quarter to a third less with
 * this memory: docs/benchmarks.md), and a client sends the same token for many requests. A token verified by Quarkus
 * OIDC is remembered, keyed by its SHA-256, with its principal (which, as any request's identity does, holds the
 * token) and roles, until its own expiry or for {@code gateway.verified-tokens.ttl}, whichever is sooner; a request
 * bearing it is then authenticated from memory. Only a token that passed verification is remembered, so a token that
 * fails is verified (and refused) every time. Every service behind verifies the token again in any case: the memory
 * saves the gateway's work, it does not stand in for the services' checks.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Marks an identity made from memory, so that it is not remembered again. */
    static final String FROM_MEMORY = "gateway.verified-token-from-memory";

    record Verified(JsonWebToken principal, Set<String> roles, long until) {
    }

    private final Map<String, Verified> memory = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final long ttlMillis;
    private final int maxSize;
    private final Clock clock;

    @Inject
    public VerifiedTokens(GatewayConfig config) {
        this(config.verifiedTokens().ttl().toMillis(), config.verifiedTokens().maxSize(), Clock.systemUTC());
    }

    VerifiedTokens(long ttlMillis, int maxSize, Clock clock) {
        this.ttlMillis = ttlMillis;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The identity of a token verified before and not yet expired, or null. */
    SecurityIdentity recall(String token) {
        if (ttlMillis <= 0) {
            return null;
        }
        String key = digest(token);
        Verified verified = memory.get(key);
        if (verified == null) {
            return null;
        }
        if (verified.until() <= clock.millis()) {
            memory.remove(key, verified);
            return null;
        }
        hits.incrementAndGet();
        return QuarkusSecurityIdentity.builder().setPrincipal(verified.principal()).addRoles(verified.roles())
                .addCredential(new AccessTokenCredential(token)).addAttribute(FROM_MEMORY, Boolean.TRUE).build();
    }

    /** Remembers a token that Quarkus OIDC has just verified, until the sooner of its expiry and the ttl. */
    void remember(String token, JsonWebToken principal, Set<String> roles) {
        long expires = principal.getExpirationTime() * 1000;
        long until = Math.min(expires, clock.millis() + ttlMillis);
        if (ttlMillis <= 0 || until <= clock.millis()) {
            return;
        }
        if (memory.size() >= maxSize) {
            long now = clock.millis();
            memory.values().removeIf(v -> v.until() <= now);
            if (memory.size() >= maxSize) {
                memory.clear();
            }
        }
        memory.put(digest(token), new Verified(principal, Set.copyOf(roles), until));
    }

    /** How many requests were authenticated from memory (for tests and the record). */
    long hits() {
        return hits.get();
    }

    int size() {
        return memory.size();
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tried before Quarkus OIDC: a token remembered is authenticated here; any other goes on to be verified. */
    @ApplicationScoped
    public static class Recall implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        public Recall(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            // before Quarkus OIDC's provider, whose priority is SYSTEM_FIRST + 1
            return SYSTEM_FIRST + 100;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.recall(request.getToken().getToken()));
        }
    }

    /** After Quarkus OIDC verified a token: remembers it. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            // after any other augmentor, so that what is remembered is the identity as it was finally made
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous() && identity.getAttribute(FROM_MEMORY) == null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
                if (credential != null && !credential.isOpaque()) {
                    tokens.remember(credential.getToken(), jwt, identity.getRoles());
                }
            }
            return Uni.createFrom().item(identity);
        }
    }
}
