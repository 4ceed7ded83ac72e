package uk.socialprescribing.referral.event;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.socialprescribing.messaging.deadletter.DeadLetterHandlers;

/** Where a replayed dead letter of each channel goes: the channel's own consumer. */
@ApplicationScoped
public class DeadLetterChannels implements DeadLetterHandlers {

    private final CaseAndOutcomeConsumer consumer;

    public DeadLetterChannels(CaseAndOutcomeConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel() {
        return Map.of("caseload-events", consumer::onCaseloadEvent, "outcome-events", consumer::onOutcomeEvent);
    }
}
