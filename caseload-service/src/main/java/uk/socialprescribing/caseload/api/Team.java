package uk.socialprescribing.caseload.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller's place in the team: admin sees every PCN; a lead or link worker their own (token claim pcn). */
@RequestScoped
public class Team {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Team(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    /** The caller's PCN; 403 for a token that names none. */
    public String pcn() {
        Object pcn = token.getClaim("pcn");
        if (pcn == null || pcn.toString().isBlank()) {
            throw new ForbiddenException("The token names no pcn (claim pcn)");
        }
        return pcn.toString().strip();
    }

    /** Admin may act on any PCN; a lead on their own only. */
    public void requireManagerOf(String pcnCode) {
        if (isAdmin()) {
            return;
        }
        if (!identity.hasRole("link-worker-lead") || !pcn().equals(pcnCode)) {
            throw new ForbiddenException("Only admin or a lead of " + pcnCode + " may do this");
        }
    }

    /**
     * The PCN a read names ({@code pcn}), or the caller's own; 403 for another PCN unless admin. An admin belongs to
     * no PCN, so must name one: a 400 naming the parameter, not a 403 about their token.
     */
    public String readablePcn(String pcn) {
        if ((pcn == null || pcn.isBlank()) && isAdmin() && token.getClaim("pcn") == null) {
            throw new ProblemException(new Problem(Problem.type("validation"), "The request is not valid", 400,
                    "Name the PCN to read with pcn: an admin belongs to none", null,
                    List.of(new Problem.FieldError("pcn", "NotBlank", "is required for an admin"))));
        }
        String pcnCode = pcn == null || pcn.isBlank() ? pcn() : pcn.strip();
        requireReaderOf(pcnCode);
        return pcnCode;
    }

    /** Admin may read any PCN; others their own. */
    public void requireReaderOf(String pcnCode) {
        if (!isAdmin() && !pcn().equals(pcnCode)) {
            throw new ForbiddenException("You may read your own PCN only");
        }
    }
}
