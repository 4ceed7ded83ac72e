package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.CaseStatus;
import uk.socialprescribing.caseload.domain.ClosureReason;
import uk.socialprescribing.caseload.event.CaseEvents;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.caseload.repository.ConnectionRepository;
import uk.socialprescribing.conventions.Conflict;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.events.referral.ReferralWithdrawn;

/**
 * Changing a case after allocation: reassigning it by hand and closing it (by its link worker or lead, or when its
 * referral is withdrawn while it waits). Each change that frees a place promotes the PCN's waiting list in the same
 * transaction, under the PCN's allocation lock.
 */
@ApplicationScoped
public class CaseChanges {

    private final CaseQueries queries;
    private final CaseRepository cases;
    private final ConnectionRepository connections;
    private final Allocating allocating;
    private final CaseEvents events;
    private final Clock clock;

    public CaseChanges(CaseQueries queries, CaseRepository cases, ConnectionRepository connections, Allocating allocating, CaseEvents events,
            Clock clock) {
        this.queries = queries;
        this.cases = cases;
        this.connections = connections;
        this.allocating = allocating;
        this.events = events;
        this.clock = clock;
    }

    /** A lead (or admin) gives the case to a link worker of its PCN who has room; the place freed is used at once. */
    @Transactional
    public Case reassign(UUID id, long expectedVersion, UUID toLinkWorker, CaseViewer manager) {
        Case c = forChange(id, expectedVersion, manager);
        List<Allocating.Load> loads = allocating.lockedLoads(c.pcnCode());
        Allocating.Load target = loads.stream().filter(l -> l.worker().id().equals(toLinkWorker)).findFirst()
                .orElseThrow(() -> new InvalidInput("linkWorkerId", "LinkWorkerOfPcn",
                        "is not an active link worker of " + c.pcnCode()));
        if (toLinkWorker.equals(c.linkWorkerId())) {
            return c;
        }
        if (target.spare() <= 0) {
            throw new Conflict("at-capacity",
                    target.worker().displayName() + " has no room under their caps; raise a cap or choose another link worker",
                    "linkWorkerId", "SpareCapacity", "has no spare capacity");
        }
        boolean freesAPlace = c.allocation() == Allocation.ASSIGNED;
        Instant now = now();
        c.assignTo(toLinkWorker, now);
        events.assigned(c, target.worker(), now);
        cases.flush();
        if (freesAPlace) {
            allocating.promoteWaiting(c.pcnCode());
        }
        cases.flush();
        return c;
    }

    /** The case ends: announced with its sessions and connections, its place given to the waiting list. */
    @Transactional
    public Case close(UUID id, long expectedVersion, ClosureReason reason, String summary, String nextSteps, CaseViewer by) {
        if (reason == ClosureReason.REFERRAL_WITHDRAWN) {
            throw new InvalidInput("reason", "ChosenReason", "is set by the service when a referral is withdrawn");
        }
        Case c = forChange(id, expectedVersion, by);
        if (by.scope() == CaseViewer.Scope.OWN_AND_UNASSIGNED && !by.linkWorkerId().equals(c.linkWorkerId())) {
            throw new ForbiddenException("Only the case's link worker, or a lead of its PCN, may close it");
        }
        if (c.pcnCode() != null) {
            allocating.lockedLoads(c.pcnCode());
        }
        c.closingWords(summary, nextSteps);
        closeAndPromote(c, reason);
        cases.flush();
        return c;
    }

    /** A referral withdrawn while its case still waits leaves the waiting list; an assigned case is the link worker's to close. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralWithdrawn(ReferralWithdrawn withdrawn) {
        Optional<Case> waiting = cases.findByReferral(withdrawn.referralId())
                .filter(c -> c.allocation() == Allocation.WAITING && c.status() == CaseStatus.OPEN);
        waiting.ifPresent(c -> closeAndPromote(c, ClosureReason.REFERRAL_WITHDRAWN));
    }

    private void closeAndPromote(Case c, ClosureReason reason) {
        boolean freesAPlace = c.allocation() == Allocation.ASSIGNED;
        Instant now = now();
        c.close(reason, now);
        events.closed(c, connections.connectedOf(c.id()), now);
        cases.flush();
        if (freesAPlace && c.pcnCode() != null) {
            allocating.promoteWaiting(c.pcnCode());
        }
    }

    private Case forChange(UUID id, long expectedVersion, CaseViewer viewer) {
        Case c = queries.readLocked(id, viewer);
        if (c.version() != expectedVersion) {
            throw new StaleCaseException(c.version());
        }
        return c;
    }

    private Instant now() {
        return clock.instant();
    }
}
