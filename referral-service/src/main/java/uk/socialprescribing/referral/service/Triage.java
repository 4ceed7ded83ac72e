package uk.socialprescribing.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.CaseWaitlisted;
import uk.socialprescribing.referral.domain.DeclineReason;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.WithdrawalReason;
import uk.socialprescribing.referral.event.ReferralEvents;
import uk.socialprescribing.referral.feedback.ReferrerFeedback;
import uk.socialprescribing.referral.repository.ReferralRepository;

/**
 * Triage: each move is one transaction that changes the referral, records its event in the outbox and writes the
 * message back to the referrer, or does none of these. A move names the version it was decided on (If-Match):
 * the row is locked, so of two link workers deciding at once the second sees the first's decision as a stale version.
 */
@ApplicationScoped
public class Triage {

    private final ReferralRepository referrals;
    private final PersonalDataReads reads;
    private final ReferralEvents events;
    private final ReferrerFeedback feedback;
    private final Clock clock;

    public Triage(ReferralRepository referrals, PersonalDataReads reads, ReferralEvents events, ReferrerFeedback feedback, Clock clock) {
        this.referrals = referrals;
        this.reads = reads;
        this.events = events;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Transactional
    public Referral accept(UUID id, long expectedVersion, Viewer triager) {
        return accept(id, expectedVersion, triager, now());
    }

    /** Accepted at a time of the caller's: the demo data's histories, which lie in the past. */
    @Transactional
    Referral accept(UUID id, long expectedVersion, Viewer triager, Instant at) {
        Referral referral = forTriage(id, expectedVersion, triager);
        referral.accept(triager.principal(), at);
        referral.triagedByName(triager.name());
        events.accepted(referral);
        // the referrer hears of the acceptance with where the case went, when caseload-service says (caseAllocated)
        referrals.flush(); // the new version, for the ETag of the answer
        return referral;
    }

    @Transactional
    public Referral decline(UUID id, long expectedVersion, Viewer triager, DeclineReason reason, String note) {
        Referral referral = forTriage(id, expectedVersion, triager);
        referral.decline(triager.principal(), reason, note, now());
        referral.triagedByName(triager.name());
        events.declined(referral);
        feedback.declined(referral);
        referrals.flush(); // the new version, for the ETag of the answer
        return referral;
    }

    @Transactional
    public Referral redirect(UUID id, long expectedVersion, Viewer triager, String to, String reason, String note) {
        Referral referral = forTriage(id, expectedVersion, triager);
        referral.redirect(triager.principal(), to, reason, note, now());
        referral.triagedByName(triager.name());
        events.redirected(referral);
        feedback.redirected(referral);
        referrals.flush(); // the new version, for the ETag of the answer
        return referral;
    }

    /** The referrer takes its referral back; only the referring organisation may. */
    @Transactional
    public Referral withdraw(UUID id, long expectedVersion, Viewer referrer, WithdrawalReason reason, String note) {
        Referral referral = forTriage(id, expectedVersion, referrer);
        referral.withdraw(referrer.principal(), reason, note, now());
        events.withdrawn(referral);
        referrals.flush(); // the new version, for the ETag of the answer
        return referral;
    }

    /**
     * caseload-service closed the case opened for this referral: the referral closes and the closing message goes
     * back to the referrer. A case of a referral that is not ours, or not accepted, is not an error of the event:
     * it is ignored (false) and the caller logs it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean closeAfterCase(CaseClosed closed) {
        Referral referral = referrals.findForUpdate(closed.referralId()).orElse(null);
        if (referral == null || referral.status() != ReferralStatus.ACCEPTED) {
            return false;
        }
        referral.closeAfterCase(closed.caseId(), closed.reason(), closed.closedAt().truncatedTo(ChronoUnit.MICROS));
        events.closed(referral);
        feedback.closed(referral, closed);
        return true;
    }

    /** caseload-service opened the referral's case: the referral knows it from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean caseOpened(CaseOpened opened) {
        Referral referral = referrals.findForUpdate(opened.referralId()).orElse(null);
        if (referral == null) {
            return false;
        }
        referral.caseOpened(opened.caseId());
        return true;
    }

    /**
     * The case went to a link worker: the first time, the referrer hears that the referral was accepted and who will
     * contact the person; later (a waiting case reached a worker, or went to another), that it was allocated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean caseAssigned(CaseAssigned assigned) {
        Referral referral = byCase(assigned.caseId());
        if (referral == null) {
            return false;
        }
        boolean first = referral.allocation() == null;
        String name = assigned.linkWorkerName() != null ? assigned.linkWorkerName() : assigned.linkWorker();
        boolean news = referral.assignedTo(name, assigned.assignedAt().truncatedTo(ChronoUnit.MICROS));
        if (referral.status() == ReferralStatus.ACCEPTED) {
            if (first) {
                feedback.accepted(referral);
            } else if (news) {
                feedback.allocated(referral);
            }
        }
        return true;
    }

    /** The case joined the waiting list: the referrer hears that the referral was accepted, and the forecast wait. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean caseWaitlisted(CaseWaitlisted waitlisted) {
        Referral referral = byCase(waitlisted.caseId());
        if (referral == null) {
            return false;
        }
        boolean first = referral.allocation() == null;
        referral.waiting(waitlisted.forecastWaitDays(), waitlisted.waitlistedAt().truncatedTo(ChronoUnit.MICROS));
        if (first && referral.status() == ReferralStatus.ACCEPTED) {
            feedback.accepted(referral);
        }
        return true;
    }

    /** Whether caseload-service has said where the referral's case went (no personal data is read). */
    @Transactional
    public boolean allocationKnown(UUID id) {
        return referrals.allocationKnown(id);
    }

    private Referral byCase(UUID caseId) {
        return referrals.findForUpdateByCase(caseId).orElse(null);
    }

    /** A referral with the person's details, for a reader allowed to see it; the read is audited. */
    @Transactional
    public Referral read(UUID id, Viewer reader) {
        Referral referral = visible(id, reader);
        reads.record(id, reader.principal(), reader.purpose());
        return referral;
    }

    /** One page of the referrals this viewer may see; every referral shown is an audited read. */
    @Transactional
    public Slice<Referral> list(Viewer viewer, ReferralFilter filter, PageRequest page) {
        Slice<Referral> found = referrals.search(viewer, filter, today(), page);
        reads.recordAll(found.items().stream().map(Referral::id).toList(), viewer.principal(), viewer.purpose() + ":list");
        return found;
    }

    /** A referral the viewer may see, or not found (someone else's referral is not told apart from none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral visible(UUID id, Viewer viewer) {
        return referrals.findByIdOptional(id).filter(r -> maySee(viewer, r)).orElseThrow(() -> new ReferralNotFoundException(id));
    }

    private Referral forTriage(UUID id, long expectedVersion, Viewer viewer) {
        Referral referral = referrals.findForUpdate(id).filter(r -> maySee(viewer, r))
                .orElseThrow(() -> new ReferralNotFoundException(id));
        if (referral.version() != expectedVersion) {
            throw new StaleReferralException(id, expectedVersion, referral.version());
        }
        return referral;
    }

    static boolean maySee(Viewer viewer, Referral referral) {
        return switch (viewer.scope()) {
            case ORGANISATION -> referral.wasReferredBy(viewer.key());
            case PCN -> viewer.key() != null && viewer.key().equals(referral.pcnCode());
            case ALL -> true;
        };
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), Clocks.ENGLAND);
    }

    private Instant now() {
        return clock.instant();
    }
}
