package uk.socialprescribing.directory.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import uk.socialprescribing.directory.service.Uptake;
import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.ConnectionUpdated;
import uk.socialprescribing.messaging.inbox.Inbox;

/**
 * Reads caseload-events for each service's uptake: the connections link workers make to it and where they stand.
 * Each event is applied once (see {@link Inbox}); other caseload events are recorded as handled and change nothing;
 * what cannot be read goes to caseload-events.directory-service.dlq with the reason.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    static final String HANDLER = "directory.caseload-events";

    private final Inbox inbox;
    private final Uptake uptake;

    public CaseloadEventsConsumer(Inbox inbox, Uptake uptake) {
        this.inbox = inbox;
        this.uptake = uptake;
    }

    @Incoming("caseload-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handleOnce(HANDLER, record, event -> {
            event.dataAs(ConnectionMade.class).ifPresent(uptake::made);
            event.dataAs(ConnectionUpdated.class).ifPresent(uptake::updated);
        });
    }
}
