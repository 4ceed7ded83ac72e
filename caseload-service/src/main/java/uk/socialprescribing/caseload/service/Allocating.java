package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.event.CaseEvents;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.caseload.repository.LinkWorkerRepository;
import uk.socialprescribing.messaging.AdvisoryLocks;

/**
 * Capacity-aware allocation. A case goes to the link worker of its PCN with the most spare capacity (the smaller of
 * what their active-case cap and yearly cap leave); ties go to one who speaks the person's language, then to the one
 * given fewest cases in the last 30 days. With no room anywhere the case waits, and waiting cases are promoted,
 * urgent first and then oldest, as soon as room appears.
 * <p>
 * Every allocation in a PCN first takes the PCN's lock (a transaction-scoped advisory lock), so allocations that race
 * for the last place queue up and each counts what the one before it committed: a caseload is never over-filled. The
 * lock is the PCN's rather than its link workers' rows, so that it also orders a case waiting while the first link
 * worker of a new team is added.
 */
@ApplicationScoped
public class Allocating {

    /** A link worker's load now. */
    public record Load(LinkWorker worker, long activeCases, long takenOnThisYear, long assignedLast30Days) {
        public int spare() {
            return worker.spareCapacity(activeCases, takenOnThisYear);
        }
    }

    private final CaseRepository cases;
    private final LinkWorkerRepository workers;
    private final CaseEvents events;
    private final Clock clock;

    private final AdvisoryLocks locks;

    public Allocating(CaseRepository cases, LinkWorkerRepository workers, CaseEvents events, Clock clock, AdvisoryLocks locks) {
        this.locks = locks;
        this.cases = cases;
        this.workers = workers;
        this.events = events;
        this.clock = clock;
    }

    /** Assigns the newly opened case, or puts it on its PCN's waiting list; announces which. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocate(Case opened) {
        Instant now = now();
        Optional<LinkWorker> worker = opened.pcnCode() == null ? Optional.empty() : best(lockedLoads(opened.pcnCode()), opened.language());
        if (worker.isPresent()) {
            assign(opened, worker.get(), now);
        } else {
            opened.waitForCapacity(now);
            cases.flush();
            Long forecast = null;
            if (opened.pcnCode() != null) {
                List<Case> waiting = waitingIn(opened.pcnCode());
                int position = waiting.stream().map(Case::id).toList().indexOf(opened.id()) + 1;
                forecast = forecastWaitDays(opened.pcnCode(), position > 0 ? position : waiting.size() + 1, now);
            }
            events.waitlisted(opened, now, forecast);
        }
    }

    /** Days of recent throughput over which the network's rate of taking on cases is measured. */
    static final int THROUGHPUT_DAYS = 28;

    /**
     * The forecast wait in days of the case at this place in the network's waiting list, at the rate its link workers
     * took on cases over the last {@value #THROUGHPUT_DAYS} days; null when they took on none (nothing to forecast from).
     */
    public Long forecastWaitDays(String pcnCode, int position, Instant now) {
        double perDay = assignedPerDay(pcnCode, now);
        return perDay == 0 ? null : (long) Math.ceil(position / perDay);
    }

    /** Cases the network's link workers took on a day, over the last {@value #THROUGHPUT_DAYS} days. */
    public double assignedPerDay(String pcnCode, Instant now) {
        long assigned = cases.assignedSince(pcnCode, now.minus(Duration.ofDays(THROUGHPUT_DAYS)));
        return assigned / (double) THROUGHPUT_DAYS;
    }

    /** Assigns waiting cases of the PCN while any of its link workers has room; how many were assigned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int promoteWaiting(String pcnCode) {
        List<Load> loads = lockedLoads(pcnCode);
        int promoted = 0;
        for (Case waiting : waitingIn(pcnCode)) {
            Optional<LinkWorker> worker = best(loads, waiting.language());
            if (worker.isEmpty()) {
                break;
            }
            assign(waiting, worker.get(), now());
            loads = loads.stream().map(l -> l.worker().id().equals(worker.get().id())
                    ? new Load(l.worker(), l.activeCases() + 1, l.takenOnThisYear() + 1, l.assignedLast30Days() + 1) : l).toList();
            promoted++;
        }
        return promoted;
    }

    /** The PCN's active link workers with their loads, the PCN locked for allocation until the transaction ends. */
    public List<Load> lockedLoads(String pcnCode) {
        locks.exclusive("caseload.allocation", pcnCode);
        return loads(pcnCode);
    }

    /** The loads of the PCN's active link workers, as committed. */
    public List<Load> loads(String pcnCode) {
        Instant now = now();
        Map<UUID, CaseRepository.Counts> counts = cases.countsByWorker(pcnCode, now.minus(Duration.ofDays(365)),
                now.minus(Duration.ofDays(30)));
        List<LinkWorker> active = workers.activeIn(pcnCode);
        List<Load> loads = new ArrayList<>();
        for (LinkWorker worker : active) {
            CaseRepository.Counts c = counts.getOrDefault(worker.id(), CaseRepository.Counts.NONE);
            loads.add(new Load(worker, c.open(), c.sinceYearAgo(), c.sinceMonthAgo()));
        }
        return loads;
    }

    /** Most spare capacity; then speaks the language; then fewest recent assignments; then by username. */
    static Optional<LinkWorker> best(List<Load> loads, String language) {
        return loads.stream().filter(l -> l.spare() > 0)
                .min(Comparator.comparingInt((Load l) -> -l.spare())
                        .thenComparing(l -> l.worker().speaks(language) ? 0 : 1)
                        .thenComparingLong(Load::assignedLast30Days)
                        .thenComparing(l -> l.worker().username()))
                .map(Load::worker);
    }

    /** The PCN's waiting cases in the order they are served: urgent first, then the longest waiting. */
    public List<Case> waitingIn(String pcnCode) {
        return cases.waitingIn(pcnCode);
    }

    private void assign(Case c, LinkWorker worker, Instant at) {
        c.assignTo(worker.id(), at);
        events.assigned(c, worker, at);
    }

    private Instant now() {
        return clock.instant();
    }
}
