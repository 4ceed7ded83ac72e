package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.config.CaseloadConfig;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.event.CaseEvents;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.reference.PrimaryCare;

/**
 * Opens a case for each accepted referral and allocates it at once (see {@link Allocating}). The PCN is the
 * event's; an event that names only the practice finds its PCN in the shared reference data.
 */
@ApplicationScoped
public class CaseOpening {

    private final CaseRepository cases;
    private final CaseEvents events;
    private final Allocating allocating;
    private final Clock clock;
    private final PrimaryCare primaryCare = PrimaryCare.standard();

    private final Duration firstContactTarget;

    public CaseOpening(CaseRepository cases, CaseEvents events, Allocating allocating, Clock clock,
            CaseloadConfig config) {
        Duration firstContactTarget = config.firstContactTarget();
        this.cases = cases;
        this.events = events;
        this.allocating = allocating;
        this.clock = clock;
        this.firstContactTarget = firstContactTarget;
    }

    /** The case of the referral: opened now, allocated and announced, or the one it already has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Case openFor(ReferralAccepted accepted) {
        return cases.findByReferral(accepted.referralId()).orElseGet(() -> {
            String pcn = accepted.pcnCode() != null ? accepted.pcnCode()
                    : primaryCare.practice(accepted.practiceOdsCode()).map(PrimaryCare.Practice::pcnCode).orElse(null);
            Case opened = Case.openFor(accepted.referralId(),
                    accepted.receivedAt() == null ? null : accepted.receivedAt().truncatedTo(ChronoUnit.MICROS), accepted.practiceOdsCode(), pcn, accepted.urgency(),
                    accepted.language(), clock.instant(), firstContactTarget);
            cases.persist(opened);
            events.opened(opened);
            allocating.allocate(opened);
            return opened;
        });
    }
}
