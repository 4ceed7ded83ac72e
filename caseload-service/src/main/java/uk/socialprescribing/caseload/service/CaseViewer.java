package uk.socialprescribing.caseload.service;

import java.util.UUID;

/**
 * Which cases a caller sees: a link worker their own and their PCN's unassigned ones, a lead their PCN's, admin all.
 */
public record CaseViewer(Scope scope, String pcnCode, UUID linkWorkerId) {

    public enum Scope {
        OWN_AND_UNASSIGNED, PCN, ALL
    }

    public static CaseViewer linkWorker(String pcn, UUID linkWorkerId) {
        return new CaseViewer(Scope.OWN_AND_UNASSIGNED, pcn, linkWorkerId);
    }

    public static CaseViewer lead(String pcn) {
        return new CaseViewer(Scope.PCN, pcn, null);
    }

    public static CaseViewer admin() {
        return new CaseViewer(Scope.ALL, null, null);
    }
}
