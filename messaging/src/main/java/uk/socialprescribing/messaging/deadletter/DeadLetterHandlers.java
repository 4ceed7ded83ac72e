package uk.socialprescribing.messaging.deadletter;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What each of a service's channels does with a record: the same method its {@code @Incoming} consumer calls, so a
 * replayed dead letter is handled exactly as a delivered one would be (through the inbox: at most once).
 */
public interface DeadLetterHandlers {

    /** By channel name, as in {@code mp.messaging.incoming.<channel>.*}. */
    Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel();
}
