package uk.socialprescribing.directory.event;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.socialprescribing.messaging.deadletter.DeadLetterHandlers;

/** Where a replayed dead letter of each channel goes: the channel's own consumer. */
@ApplicationScoped
public class DeadLetterChannels implements DeadLetterHandlers {

    private final CaseloadEventsConsumer caseload;

    public DeadLetterChannels(CaseloadEventsConsumer caseload) {
        this.caseload = caseload;
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel() {
        return Map.of("caseload-events", caseload::on);
    }
}
