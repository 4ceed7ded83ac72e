package uk.socialprescribing.directory.api;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.directory.service.Partnering;

/**
 * Who calls, read from the token once per request: their name, and the organisation a VCSE partner acts for (claim
 * organisation_id). Resources ask this, never the token.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's user name (the token's preferred_username, else its subject). */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The caller as a writer of listings: admin, or the organisation its token names. */
    public Partnering.Partner partner() {
        if (identity.hasRole(Roles.ADMIN)) {
            return new Partnering.Partner(true, null);
        }
        Object claim = token.getClaim("organisation_id");
        UUID organisation = null;
        try {
            organisation = claim == null ? null : UUID.fromString(claim.toString());
        } catch (IllegalArgumentException e) {
            organisation = null;
        }
        if (organisation == null) {
            throw new ForbiddenException("The token names no organisation (claim organisation_id)");
        }
        return new Partnering.Partner(false, organisation);
    }

    /** Anyone may read public listings; a partner also its own, admin all. */
    public Partnering.Partner reader() {
        if (identity.hasRole(Roles.ADMIN)) {
            return new Partnering.Partner(true, null);
        }
        return identity.hasRole(Roles.VCSE_PARTNER) ? partner() : new Partnering.Partner(false, null);
    }
}
