package uk.socialprescribing.outcomes.projection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import uk.socialprescribing.messaging.inbox.Inbox;

/**
 * Keeps the current projections up to date from referral-events and caseload-events: each event once (see
 * {@link Inbox}), after any rebuild's swap has finished; what cannot be read goes to the topic's dead-letter topic.
 */
@ApplicationScoped
public class ProjectionConsumer {

    static final String REFERRALS = "outcomes.referral-events";
    static final String CASELOAD = "outcomes.caseload-events";

    private final Inbox inbox;
    private final Projections projections;
    private final Projector projector;

    public ProjectionConsumer(Inbox inbox, Projections projections, Projector projector) {
        this.inbox = inbox;
        this.projections = projections;
        this.projector = projector;
    }

    @Incoming("referral-events")
    @Blocking
    public void referral(ConsumerRecord<String, byte[]> record) {
        handle(REFERRALS, record);
    }

    @Incoming("caseload-events")
    @Blocking
    public void caseload(ConsumerRecord<String, byte[]> record) {
        handle(CASELOAD, record);
    }

    private void handle(String handler, ConsumerRecord<String, byte[]> record) {
        inbox.handleOnce(handler, record, event -> {
            projections.holdShared();
            projector.apply(projections.current(), event);
        });
    }
}
