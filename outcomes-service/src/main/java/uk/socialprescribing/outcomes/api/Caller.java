package uk.socialprescribing.outcomes.api;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.outcomes.measure.Measurements;

/** Who calls, read from the token once per request: their name, and a link worker's or lead's PCN (claim pcn). */
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

    /** The caller as one who records and reads a case's measures: its link worker, or a lead of its network. */
    public Measurements.Asker asker() {
        Object pcn = token.getClaim("pcn");
        return new Measurements.Asker(name(), identity.hasRole(Roles.LINK_WORKER_LEAD), pcn == null ? null : pcn.toString());
    }
}
