package uk.socialprescribing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** The memory of verified tokens: until the sooner of the token's expiry and the ttl, bounded, and off at a ttl of zero. */
class VerifiedTokensTest {

    static final class Ticking extends Clock {
        long millis = 1_800_000_000_000L;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static DefaultJWTCallerPrincipal principal(String subject, long expiresAtMillis) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setClaim("exp", expiresAtMillis / 1000);
        return new DefaultJWTCallerPrincipal(claims);
    }

    @Test
    void aVerifiedTokenIsRecalledWithItsPrincipalAndRolesUntilTheTtl() {
        Ticking clock = new Ticking();
        VerifiedTokens tokens = new VerifiedTokens(30_000, 10, clock);
        tokens.remember("token-a", principal("alice", clock.millis + 300_000), Set.of("referrer"));
        var identity = tokens.recall("token-a");
        assertNotNull(identity);
        assertEquals("alice", ((DefaultJWTCallerPrincipal) identity.getPrincipal()).getSubject());
        assertEquals(Set.of("referrer"), identity.getRoles());
        assertNull(tokens.recall("token-b"), "another token is not this one");
        clock.millis += 30_000;
        assertNull(tokens.recall("token-a"), "past the ttl it must be verified again");
        assertEquals(1, tokens.hits());
    }

    @Test
    void neverPastTheTokensOwnExpiry() {
        Ticking clock = new Ticking();
        VerifiedTokens tokens = new VerifiedTokens(30_000, 10, clock);
        tokens.remember("token-a", principal("alice", clock.millis + 5_000), Set.of());
        clock.millis += 4_000;
        assertNotNull(tokens.recall("token-a"));
        clock.millis += 1_000;
        assertNull(tokens.recall("token-a"));
        tokens.remember("expired", principal("bob", clock.millis - 1_000), Set.of());
        assertNull(tokens.recall("expired"));
    }

    @Test
    void itHoldsNoMoreThanItsSizeAndNothingAtATtlOfZero() {
        Ticking clock = new Ticking();
        VerifiedTokens tokens = new VerifiedTokens(30_000, 3, clock);
        for (int i = 0; i < 10; i++) {
            tokens.remember("token-" + i, principal("p" + i, clock.millis + 300_000), Set.of());
            assertEquals(true, tokens.size() <= 3, "size " + tokens.size());
        }
        VerifiedTokens off = new VerifiedTokens(0, 3, clock);
        off.remember("token-a", principal("alice", clock.millis + 300_000), Set.of());
        assertNull(off.recall("token-a"));
    }
}
