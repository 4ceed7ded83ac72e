package uk.socialprescribing.outcomes.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.messaging.outbox.Outbox;
import uk.socialprescribing.outcomes.measure.Measurements;

/**
 * What other services hear of a recorded measure (scores only, never the items' wording), recorded in the outbox in
 * the transaction of the measure. The one place that maps a measure to its event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutcomeEvents {

    private final Outbox outbox;

    public OutcomeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A measure recorded for a case of this network. */
    public void recorded(Measurements.Measurement m, String pcnCode) {
        outbox.record(new OutcomeRecorded(m.id(), m.caseId(), m.instrument().name(), m.timepoint(), m.score(), m.items(), pcnCode,
                m.recordedAt(), m.completedOn()));
    }
}
