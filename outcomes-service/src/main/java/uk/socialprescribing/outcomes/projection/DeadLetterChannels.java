package uk.socialprescribing.outcomes.projection;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.socialprescribing.messaging.deadletter.DeadLetterHandlers;

/** Where a replayed dead letter of each channel goes: the channel's own consumer. */
@ApplicationScoped
public class DeadLetterChannels implements DeadLetterHandlers {

    private final ProjectionConsumer projections;

    public DeadLetterChannels(ProjectionConsumer projections) {
        this.projections = projections;
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel() {
        return Map.of("referral-events", projections::referral, "caseload-events", projections::caseload);
    }
}
