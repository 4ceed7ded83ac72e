package uk.socialprescribing.referral.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.messaging.inbox.Inbox;
import uk.socialprescribing.referral.feedback.ReferrerFeedback;

/**
 * outcomes-service's outcome.recorded, kept for the closing message to the referrer (when the person consented to share
 * it). Each event is handled once; what cannot be read goes to the channel's dead-letter topic with the reason.
 */
@ApplicationScoped
public class OutcomeEventsConsumer {

    static final String HANDLER = "referral.outcome-events";

    private final Inbox inbox;
    private final ReferrerFeedback feedback;

    public OutcomeEventsConsumer(Inbox inbox, ReferrerFeedback feedback) {
        this.inbox = inbox;
        this.feedback = feedback;
    }

    @Incoming("outcome-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handleOnce(HANDLER, record, event -> event.dataAs(OutcomeRecorded.class).ifPresent(feedback::outcomeRecorded));
    }
}
