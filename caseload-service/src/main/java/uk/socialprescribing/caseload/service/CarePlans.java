package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.caseload.domain.CarePlanVersion;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.repository.CarePlanRepository;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.NotFound;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.StaleVersionException;

/**
 * The personalised care and support plan of a case. Each revision is a new version, numbered from 1; the previous
 * ones stay readable. Only the case's link worker and a lead of its PCN read or revise it: it holds what the person
 * told them.
 */
@ApplicationScoped
public class CarePlans {

    /** A plan as its author sends it; goal ids name goals of the previous version, new goals have none. */
    public record Draft(String whatMatters, int plannedSessions, List<CarePlanVersion.Goal> goals, List<CarePlanVersion.Action> actions,
            String changeSummary) {
    }

    /** A case with no plan yet. */
    public static class NoPlanException extends NotFound {
        public NoPlanException(UUID caseId) {
            super("plan-not-found", "Case " + caseId + " has no care plan yet; its link worker writes the first version with PUT");
        }
    }

    /** A version the plan never had. */
    public static class NoSuchVersionException extends NotFound {
        public NoSuchVersionException(UUID caseId, int version) {
            super("plan-version-not-found", "The care plan of case " + caseId + " has no version " + version);
        }
    }

    private final CarePlanRepository plans;
    private final CaseQueries cases;
    private final PersonalDataReads reads;
    private final Clock clock;

    public CarePlans(CarePlanRepository plans, CaseQueries cases, PersonalDataReads reads, Clock clock) {
        this.reads = reads;
        this.plans = plans;
        this.cases = cases;
        this.clock = clock;
    }

    @Transactional
    public CarePlanVersion current(UUID caseId, CaseViewer viewer) {
        Case c = readable(caseId, viewer);
        if (c.planVersion() == 0) {
            throw new NoPlanException(caseId);
        }
        return version(caseId, c.planVersion());
    }

    @Transactional
    public CarePlanVersion version(UUID caseId, int version, CaseViewer viewer) {
        readable(caseId, viewer);
        return version(caseId, version);
    }

    /** Every version, oldest first. */
    @Transactional
    public List<CarePlanVersion> versions(UUID caseId, CaseViewer viewer) {
        readable(caseId, viewer);
        return plans.versionsOf(caseId);
    }

    /**
     * Writes the next version. The first needs no precondition; a revision needs If-Match with the current version's
     * ETag, so that two people editing at once cannot lose each other's changes (428 without, 412 when stale).
     */
    @Transactional
    public CarePlanVersion revise(UUID caseId, String ifMatch, Draft draft, CaseViewer viewer, String by) {
        Case c = cases.readLocked(caseId, viewer);
        viewer.requireWorksOn(c, "writes its care plan");
        c.requireOpenForWork();
        int current = c.planVersion();
        if ((current > 0 || ifMatch != null) && Preconditions.ifMatchVersion(ifMatch) != current) {
            throw new StaleVersionException("The care plan was revised since you read it (now version " + current + "); read it again", current);
        }
        List<CarePlanVersion.Goal> goals = goalsWithIds(draft.goals(), current == 0 ? List.of() : version(caseId, current).goals());
        CarePlanVersion next = new CarePlanVersion(caseId, current + 1, draft.whatMatters(), draft.plannedSessions(), goals,
                draft.actions(), draft.changeSummary(), by, clock.instant());
        plans.persist(next);
        c.planRevised(next.version(), next.plannedSessions());
        plans.flush();
        return next;
    }

    /** Goals keep their ids across versions; a new goal gets the next free one (g1, g2, ...). */
    static List<CarePlanVersion.Goal> goalsWithIds(List<CarePlanVersion.Goal> drafted, List<CarePlanVersion.Goal> previous) {
        Set<String> known = new HashSet<>();
        int highest = 0;
        for (CarePlanVersion.Goal g : previous) {
            known.add(g.id());
            highest = Math.max(highest, number(g.id()));
        }
        Set<String> used = new HashSet<>();
        List<CarePlanVersion.Goal> result = new ArrayList<>();
        for (int i = 0; i < drafted.size(); i++) {
            CarePlanVersion.Goal g = drafted.get(i);
            String id = g.id();
            if (id == null) {
                id = "g" + (++highest);
            } else if (!known.contains(id)) {
                throw new InvalidInput("goals[" + i + "].id", "KnownGoal",
                        "is not a goal of the current plan; leave it out for a new goal");
            } else if (!used.add(id)) {
                throw new InvalidInput("goals[" + i + "].id", "UniqueGoal", "names a goal twice");
            }
            result.add(new CarePlanVersion.Goal(id, g.description(), g.progress(), g.targetDate()));
        }
        return result;
    }

    private static int number(String goalId) {
        try {
            return Integer.parseInt(goalId.substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The case, if the reader works on it; the read is audited. */
    private Case readable(UUID caseId, CaseViewer viewer) {
        Case c = cases.read(caseId, viewer);
        viewer.requireWorksOn(c, "reads its care plan");
        reads.record(caseId, viewer.reader(), "care-plan");
        return c;
    }

    private CarePlanVersion version(UUID caseId, int version) {
        return plans.version(caseId, version).orElseThrow(() -> new NoSuchVersionException(caseId, version));
    }
}
