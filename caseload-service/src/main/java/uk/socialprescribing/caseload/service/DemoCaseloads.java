package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import uk.socialprescribing.caseload.config.CaseloadConfig;
import uk.socialprescribing.caseload.domain.CarePlanVersion.Action;
import uk.socialprescribing.caseload.domain.CarePlanVersion.Goal;
import uk.socialprescribing.caseload.domain.CarePlanVersion.Owner;
import uk.socialprescribing.caseload.domain.CarePlanVersion.Progress;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.domain.ListedService;
import uk.socialprescribing.caseload.domain.Session;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.caseload.repository.LinkWorkerRepository;
import uk.socialprescribing.caseload.repository.SessionRepository;
import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.Preconditions;

/**
 * Local demo data, part two: once, when the demo referrals' cases are assigned (none opened for 20 seconds) and the
 * directory's demo services have arrived, gives up to {@code caseload.demo-data.caseloads} assigned cases a history at one of five stages (new,
 * started, midway, nearly done, struggling), the one that fits the time since the case's referral arrived, written through the same code a link worker's requests take so that
 * their events flow: sessions, plan versions, connections to demo directory services, and the flags that follow.
 */
@ApplicationScoped
public class DemoCaseloads {

    private static final Logger LOG = Logger.getLogger(DemoCaseloads.class);
    private static final List<String> CATEGORIES = List.of("walking", "gardening", "arts-and-crafts", "singing-and-music", "befriending");

    private final boolean enabled;
    private final int caseloads;
    private final CaseRepository cases;
    private final SessionRepository sessionRecords;
    private final LinkWorkerRepository workers;
    private final Clock clock;
    private final Sessions sessions;
    private final CarePlans plans;
    private final Connections connections;
    private final ListedServices directory;

    public DemoCaseloads(CaseloadConfig config, CaseRepository cases, SessionRepository sessionRecords, LinkWorkerRepository workers,
            Sessions sessions, CarePlans plans, Connections connections, ListedServices directory, Clock clock) {
        this.enabled = config.demoData().enabled();
        this.caseloads = config.demoData().caseloads();
        this.cases = cases;
        this.sessionRecords = sessionRecords;
        this.workers = workers;
        this.clock = clock;
        this.sessions = sessions;
        this.plans = plans;
        this.connections = connections;
        this.directory = directory;
    }

    @Scheduled(every = "10s", delay = 15, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void seed() {
        if (!enabled) {
            return;
        }
        List<ListedService> services = QuarkusTransaction.requiringNew().call(directory::open);
        if (services.size() < 5) {
            return; // the directory's demo services have not arrived yet
        }
        // once: as soon as any case has a session the demo is under way, and people's own work is left alone
        boolean started = QuarkusTransaction.requiringNew().call(sessionRecords::any);
        if (started) {
            return;
        }
        // and only once the demo referrals' burst of cases is over (none opened in the last 20 seconds)
        Instant lastOpened = QuarkusTransaction.requiringNew().call(cases::lastOpenedAt);
        if (lastOpened == null || lastOpened.isAfter(clock.instant().minusSeconds(20))) {
            return;
        }
        List<UUID> unseeded = QuarkusTransaction.requiringNew().call(() -> cases.firstAssigned(caseloads));
        for (UUID caseId : unseeded) {
            try {
                QuarkusTransaction.requiringNew().run(() -> backdate(caseId));
                Instant received = QuarkusTransaction.requiringNew().call(() -> cases.findById(caseId).earliestSession());
                int stage = stageFor(Duration.between(received, clock.instant()).toDays());
                QuarkusTransaction.requiringNew().run(() -> history(caseId, stage, services));
            } catch (RuntimeException e) {
                LOG.warnf("Could not give demo case %s a history: %s", caseId, e.toString());
            }
        }
        if (!unseeded.isEmpty()) {
            LOG.infof("Gave %d demo cases a history of sessions, plans and connections", unseeded.size());
        }
    }

    /**
     * The stage a case's history can have, from how long ago its referral arrived: each stage's first session lies
     * that many days back (nearly done 64, struggling 23 and late, midway 30, started 6, new 1), after the acceptance
     * a day on from the referral.
     */
    static int stageFor(long daysSinceReferral) {
        if (daysSinceReferral >= 66) {
            return 3;
        }
        if (daysSinceReferral >= 40) {
            return 4;
        }
        if (daysSinceReferral >= 32) {
            return 2;
        }
        return daysSinceReferral >= 8 ? 1 : 0;
    }

    /** The case opened when its referral was accepted, a day after it arrived; first contact was due 14 days on. */
    private void backdate(UUID caseId) {
        cases.getEntityManager().createNativeQuery("update care_case set opened_at = referral_received_at + interval '1 day', "
                + "assigned_at = referral_received_at + interval '1 day 1 hour', "
                + "first_contact_due_by = referral_received_at + interval '15 days' where id = :id and referral_received_at is not null")
                .setParameter("id", caseId).executeUpdate();
    }

    private void history(UUID caseId, int stage, List<ListedService> services) {
        Case c = cases.findById(caseId);
        LinkWorker worker = workers.findById(c.linkWorkerId());
        CaseViewer viewer = CaseViewer.linkWorker(c.pcnCode(), worker.id());
        String by = worker.username();
        String category = CATEGORIES.get(Math.floorMod(caseId.hashCode(), CATEGORIES.size()));
        switch (stage) {
            case 0 -> {
                // new: the first conversation is booked; every other new case has one that was due and not yet written up
                boolean unrecorded = Math.floorMod(caseId.hashCode(), 2) == 0;
                sessions.schedule(caseId, viewer, Session.Kind.INITIAL_CONVERSATION, Session.Mode.HOME_VISIT,
                        unrecorded ? daysFromNow(-1) : daysFromNow(2), 60);
            }
            case 1 -> {
                attended(caseId, viewer, by, Session.Kind.INITIAL_CONVERSATION, -6, "Lives alone since last year; misses the allotment.");
                plan(caseId, viewer, by, 1, category);
                sessions.schedule(caseId, viewer, Session.Kind.FOLLOW_UP, Session.Mode.PHONE, daysFromNow(5), 30);
            }
            case 2 -> {
                attended(caseId, viewer, by, Session.Kind.INITIAL_CONVERSATION, -30, "Keen to meet people; worried about cost.");
                plan(caseId, viewer, by, 1, category);
                attended(caseId, viewer, by, Session.Kind.FOLLOW_UP, -20, "Went along to a taster; enjoyed it.");
                attended(caseId, viewer, by, Session.Kind.FOLLOW_UP, -10, null);
                plan(caseId, viewer, by, 2, category);
                connect(caseId, viewer, by, open(services, category, caseId), Connection.Status.ATTENDING, null);
                full(services).ifPresentOrElse(
                        s -> connect(caseId, viewer, by, s, Connection.Status.DECLINED, Connection.Reason.NO_SPACE),
                        () -> connect(caseId, viewer, by, open(services, "befriending", caseId), Connection.Status.DECLINED,
                                Connection.Reason.NOTHING_SUITABLE_NEARBY));
                sessions.schedule(caseId, viewer, Session.Kind.FOLLOW_UP, Session.Mode.FACE_TO_FACE, daysFromNow(4), 45);
            }
            case 3 -> {
                attended(caseId, viewer, by, Session.Kind.INITIAL_CONVERSATION, -64, "Wants to feel useful again.");
                plan(caseId, viewer, by, 1, category);
                for (int day : new int[] { -54, -44, -34, -22 }) {
                    attended(caseId, viewer, by, Session.Kind.FOLLOW_UP, day, null);
                }
                plan(caseId, viewer, by, 2, category);
                attended(caseId, viewer, by, Session.Kind.REVIEW, -8, "Goals nearly met; going every week now.");
                plan(caseId, viewer, by, 3, category);
                Connections.Seen first = connect(caseId, viewer, by, open(services, category, caseId), Connection.Status.ATTENDING, null);
                connections.move(caseId, first.connection().id(), first.connection().version(), Connection.Status.COMPLETED, null,
                        "Finished the 10-week course", false, viewer);
                connect(caseId, viewer, by, open(services, "volunteering", caseId), Connection.Status.REFERRED, null);
                sessions.schedule(caseId, viewer, Session.Kind.FINAL, Session.Mode.FACE_TO_FACE, daysFromNow(7), 45);
            }
            default -> {
                // struggling: first contact late, then two missed sessions in a row, and nothing booked since
                attended(caseId, viewer, by, Session.Kind.INITIAL_CONVERSATION, -23, "Hard to reach by phone; prefers text.");
                plan(caseId, viewer, by, 1, category);
                missed(caseId, viewer, by, -13);
                missed(caseId, viewer, by, -4);
            }
        }
    }

    private void attended(UUID caseId, CaseViewer viewer, String by, Session.Kind kind, int day, String notes) {
        Session s = sessions.schedule(caseId, viewer, kind, Session.Mode.FACE_TO_FACE, daysFromNow(day), 60);
        sessions.record(caseId, s.id(), s.version(), viewer, by, Session.Outcome.ATTENDED, null, notes);
    }

    private void missed(UUID caseId, CaseViewer viewer, String by, int day) {
        Session s = sessions.schedule(caseId, viewer, Session.Kind.FOLLOW_UP, Session.Mode.PHONE, daysFromNow(day), 30);
        sessions.record(caseId, s.id(), s.version(), viewer, by, Session.Outcome.DID_NOT_ATTEND, null, "No answer; left a message.");
    }

    private void plan(UUID caseId, CaseViewer viewer, String by, int version, String category) {
        Progress progress = version == 1 ? Progress.NOT_STARTED : version == 2 ? Progress.SOME_PROGRESS : Progress.MOSTLY_ACHIEVED;
        LocalDate target = LocalDate.now(Clocks.ENGLAND).plusWeeks(8);
        List<Goal> goals = List.of(
                new Goal(version == 1 ? null : "g1", "Join a " + category.replace('-', ' ') + " group and go most weeks", progress, target),
                new Goal(version == 1 ? null : "g2", "Feel less lonely in the evenings", version == 3 ? Progress.SOME_PROGRESS : Progress.NOT_STARTED, null));
        List<Action> actions = List.of(
                new Action("Find a " + category.replace('-', ' ') + " group within a bus ride", Owner.LINK_WORKER, target.minusWeeks(6), version > 1),
                new Action("Go to a taster session", Owner.PERSON, target.minusWeeks(5), version > 1));
        plans.revise(caseId, version == 1 ? null : Preconditions.etag(version - 1),
                new CarePlans.Draft("Getting out of the house and meeting people again.", 6, goals, actions,
                        version == 1 ? "First plan, from the what-matters-to-me conversation" : "Reviewed progress together"),
                viewer, by);
    }

    private Connections.Seen connect(UUID caseId, CaseViewer viewer, String by, ListedService service, Connection.Status status,
            Connection.Reason reason) {
        String category = service.categories().get(0);
        return connections.make(caseId, new Connections.Request(service.id(), category, status, reason, null, false), viewer, by);
    }

    private static ListedService open(List<ListedService> services, String category, UUID caseId) {
        List<ListedService> inCategory = services.stream()
                .filter(s -> s.categories().contains(category) && (s.available() == null || s.available() > 0)).toList();
        List<ListedService> from = inCategory.isEmpty() ? services : inCategory;
        return from.get(Math.floorMod(caseId.hashCode(), from.size()));
    }

    private static Optional<ListedService> full(List<ListedService> services) {
        return services.stream().filter(s -> Integer.valueOf(0).equals(s.available())).findFirst();
    }

    private static Instant daysFromNow(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(10));
    }
}
