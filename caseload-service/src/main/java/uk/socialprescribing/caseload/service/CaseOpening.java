package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.messaging.outbox.Outbox;

/** Opens a case for each accepted referral (allocation to a link worker is a later step). */
@ApplicationScoped
public class CaseOpening {

    private final CaseRepository cases;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public CaseOpening(CaseRepository cases, Outbox outbox) {
        this.cases = cases;
        this.outbox = outbox;
    }

    /** The case of the referral: opened now and announced, or the one it already has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Case openFor(ReferralAccepted accepted) {
        return cases.findByReferral(accepted.referralId()).orElseGet(() -> {
            Case opened = Case.openFor(accepted.referralId(), accepted.practiceOdsCode(),
                    Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
            cases.persist(opened);
            outbox.record(new CaseOpened(opened.id(), opened.referralId(), opened.practiceOdsCode(), opened.openedAt()));
            return opened;
        });
    }
}
