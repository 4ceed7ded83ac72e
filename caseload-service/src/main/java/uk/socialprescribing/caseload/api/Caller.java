package uk.socialprescribing.caseload.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.caseload.repository.LinkWorkerRepository;
import uk.socialprescribing.caseload.service.CaseViewer;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.Roles;

/**
 * Who calls, read from the token once per request: their name, roles and PCN (claim pcn). Admin sees every PCN; a lead
 * or link worker their own. Resources ask this, never the token.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final LinkWorkerRepository linkWorkers;
    private CaseViewer viewer;

    public Caller(SecurityIdentity identity, JsonWebToken token, LinkWorkerRepository linkWorkers) {
        this.identity = identity;
        this.token = token;
        this.linkWorkers = linkWorkers;
    }

    /** Which cases the caller sees, named for the audit of reads; worked out once a request. */
    public CaseViewer viewer() {
        if (viewer == null) {
            viewer = viewerOf(name());
        }
        return viewer;
    }

    private CaseViewer viewerOf(String name) {
        if (identity.hasRole(Roles.ADMIN)) {
            return CaseViewer.admin().by(name);
        }
        if (identity.hasRole(Roles.LINK_WORKER_LEAD)) {
            return CaseViewer.lead(pcn()).by(name);
        }
        if (identity.hasRole(Roles.LINK_WORKER)) {
            return CaseViewer.linkWorker(pcn(), linkWorkers.byUsername(name).map(w -> w.id()).orElse(null)).by(name);
        }
        throw new ForbiddenException("Your role does not allow reading cases");
    }

    /** The caller's user name (the token's preferred_username, else its subject). */
    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
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
        if (!identity.hasRole(Roles.LINK_WORKER_LEAD) || !pcn().equals(pcnCode)) {
            throw new ForbiddenException("Only admin or a lead of " + pcnCode + " may do this");
        }
    }

    /**
     * The PCN a read names ({@code pcn}), or the caller's own; 403 for another PCN unless admin. An admin belongs to
     * no PCN, so must name one: a 400 naming the parameter, not a 403 about their token.
     */
    public String readablePcn(String pcn) {
        if ((pcn == null || pcn.isBlank()) && isAdmin() && token.getClaim("pcn") == null) {
            throw new InvalidInput("Name the PCN to read with pcn: an admin belongs to none",
                    List.of(new Problem.FieldError("pcn", "NotBlank", "is required for an admin")));
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
