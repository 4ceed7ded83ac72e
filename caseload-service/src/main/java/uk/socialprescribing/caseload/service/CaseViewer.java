package uk.socialprescribing.caseload.service;

import java.util.UUID;

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.caseload.domain.Case;

/**
 * Which cases a caller sees: a link worker their own and their PCN's unassigned ones, a lead their PCN's, admin all.
 */
public record CaseViewer(Scope scope, String pcnCode, UUID linkWorkerId, String username) {

    public enum Scope {
        OWN_AND_UNASSIGNED, PCN, ALL
    }

    /**
     * Whether the caller works on this case: its link worker, or a lead of its PCN. Only they schedule and record
     * sessions, read notes and plans, and make connections; admin reads cases but not what was said.
     */
    public boolean worksOn(Case c) {
        return switch (scope) {
            case PCN -> pcnCode.equals(c.pcnCode());
            case OWN_AND_UNASSIGNED -> linkWorkerId != null && linkWorkerId.equals(c.linkWorkerId());
            case ALL -> false;
        };
    }

    /** 403 unless the caller {@link #worksOn works on} the case. */
    public void requireWorksOn(Case c, String what) {
        if (!worksOn(c)) {
            throw new ForbiddenException("Only the case's link worker, or a lead of its PCN, " + what);
        }
    }

    public static CaseViewer linkWorker(String pcn, UUID linkWorkerId) {
        return new CaseViewer(Scope.OWN_AND_UNASSIGNED, pcn, linkWorkerId, null);
    }

    public static CaseViewer lead(String pcn) {
        return new CaseViewer(Scope.PCN, pcn, null, null);
    }

    public static CaseViewer admin() {
        return new CaseViewer(Scope.ALL, null, null, null);
    }

    /** Who reads, as the audit of reads names them. */
    public String reader() {
        return username == null ? "system" : username;
    }

    /** The same reader, named (for the audit of reads). */
    public CaseViewer by(String name) {
        return new CaseViewer(scope, pcnCode, linkWorkerId, name);
    }
}
