package uk.socialprescribing.messaging;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.socialprescribing.messaging.deadletter.DeadLetterHandlers;

/** The test app consumes no channel: it has no dead letters to replay (a service names each of its channels). */
@ApplicationScoped
public class NoChannels implements DeadLetterHandlers {

    @Override
    public Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel() {
        return Map.of();
    }
}
