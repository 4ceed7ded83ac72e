package uk.socialprescribing.caseload.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import uk.socialprescribing.caseload.service.ListedServices;
import uk.socialprescribing.events.directory.ServiceCapacityChanged;
import uk.socialprescribing.events.directory.ServicePublished;
import uk.socialprescribing.events.directory.ServiceUpdated;
import uk.socialprescribing.events.directory.ServiceWithdrawn;
import uk.socialprescribing.messaging.inbox.Inbox;

/**
 * Reads directory-events into the local copy that connections are checked against. Each event is applied once
 * (see {@link Inbox}); what cannot be read goes to directory-events.caseload-service.dlq with the reason.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    static final String HANDLER = "caseload.directory-events";

    private final Inbox inbox;
    private final ListedServices copy;

    public DirectoryEventsConsumer(Inbox inbox, ListedServices copy) {
        this.inbox = inbox;
        this.copy = copy;
    }

    @Incoming("directory-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handleOnce(HANDLER, record, event -> {
            event.dataAs(ServicePublished.class).ifPresent(copy::published);
            event.dataAs(ServiceUpdated.class).ifPresent(copy::updated);
            event.dataAs(ServiceCapacityChanged.class).ifPresent(copy::capacityChanged);
            event.dataAs(ServiceWithdrawn.class).ifPresent(copy::withdrawn);
        });
    }
}
