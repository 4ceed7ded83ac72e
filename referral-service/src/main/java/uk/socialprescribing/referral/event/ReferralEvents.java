package uk.socialprescribing.referral.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralClosed;
import uk.socialprescribing.events.referral.ReferralDeclined;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.events.referral.ReferralRedirected;
import uk.socialprescribing.events.referral.ReferralWithdrawn;
import uk.socialprescribing.events.referral.ConsentChanged;
import uk.socialprescribing.referral.domain.ConsentRecord;
import uk.socialprescribing.messaging.outbox.Outbox;
import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Referral;

/**
 * What other services hear of a referral: each move as its event (ids and codes only, never anything of the person),
 * recorded in the outbox in the transaction of the move. The one place that maps a referral to its events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReferralEvents {

    private final Outbox outbox;

    public ReferralEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void received(Referral r) {
        outbox.record(new ReferralReceived(r.id(), r.referrer().kind().code(), r.referrer().odsCode(), r.practiceOdsCode(), r.pcnCode(),
                r.needs().reasons().stream().map(ReasonCode::code).toList(), r.needs().urgency().code(), r.receivedAt()));
    }

    public void accepted(Referral r) {
        outbox.record(new ReferralAccepted(r.id(), r.practiceOdsCode(), r.pcnCode(), r.needs().urgency().code(), r.person().language(),
                r.person().interpreterNeeded(), r.triage().at(), r.receivedAt()));
    }

    public void declined(Referral r) {
        outbox.record(new ReferralDeclined(r.id(), r.triage().reason(), r.triage().at()));
    }

    public void redirected(Referral r) {
        outbox.record(new ReferralRedirected(r.id(), r.triage().redirectedTo(), r.triage().reason(), r.triage().at()));
    }

    public void withdrawn(Referral r) {
        outbox.record(new ReferralWithdrawn(r.id(), r.withdrawal().reason().code(), r.withdrawal().at()));
    }

    /** Every purpose's status as it now stands (codes and dates only: no note, nor who recorded it). */
    public void consentChanged(java.util.UUID referralId, java.util.Collection<ConsentRecord> current, java.time.Instant at) {
        outbox.record(new ConsentChanged(referralId, current.stream().map(c -> new ConsentChanged.Purpose(c.purpose().code(),
                c.status().code(), c.reviewBy())).toList(), at));
    }

    public void closed(Referral r) {
        outbox.record(new ReferralClosed(r.id(), r.closure().reason(), r.closure().at()));
    }
}
