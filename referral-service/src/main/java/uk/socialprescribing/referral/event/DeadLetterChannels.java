package uk.socialprescribing.referral.event;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.socialprescribing.messaging.deadletter.DeadLetterHandlers;

/** Where a replayed dead letter of each channel goes: the channel's own consumer. */
@ApplicationScoped
public class DeadLetterChannels implements DeadLetterHandlers {

    private final CaseloadEventsConsumer caseload;
    private final OutcomeEventsConsumer outcomes;

    public DeadLetterChannels(CaseloadEventsConsumer caseload, OutcomeEventsConsumer outcomes) {
        this.caseload = caseload;
        this.outcomes = outcomes;
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel() {
        return Map.of("caseload-events", caseload::on, "outcome-events", outcomes::on);
    }
}
