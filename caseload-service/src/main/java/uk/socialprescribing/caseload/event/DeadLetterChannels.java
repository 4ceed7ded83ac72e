package uk.socialprescribing.caseload.event;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.socialprescribing.messaging.deadletter.DeadLetterHandlers;

/** Where a replayed dead letter of each channel goes: the channel's own consumer. */
@ApplicationScoped
public class DeadLetterChannels implements DeadLetterHandlers {

    private final ReferralEventsConsumer referrals;
    private final DirectoryEventsConsumer directory;

    public DeadLetterChannels(ReferralEventsConsumer referrals, DirectoryEventsConsumer directory) {
        this.referrals = referrals;
        this.directory = directory;
    }

    @Override
    public Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel() {
        return Map.of("referral-events", referrals::on, "directory-events", directory::on);
    }
}
