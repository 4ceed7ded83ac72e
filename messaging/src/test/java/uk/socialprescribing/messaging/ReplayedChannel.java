package uk.socialprescribing.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.socialprescribing.messaging.deadletter.DeadLetterHandlers;
import uk.socialprescribing.messaging.inbox.UnprocessableEventException;

/**
 * The test app's one dead-lettered channel, {@code test-in} (its dead-letter topic is configured; no consumer reads the
 * channel itself): its handler takes what is replayed, and fails on a record whose value is {@code poison}.
 */
@ApplicationScoped
public class ReplayedChannel implements DeadLetterHandlers {

    public static final String NAME = "test-in";

    /** What the handler was given, in order. */
    public static final List<ConsumerRecord<String, byte[]>> HANDLED = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, Consumer<ConsumerRecord<String, byte[]>>> byChannel() {
        return Map.of(NAME, record -> {
            if ("poison".equals(new String(record.value(), StandardCharsets.UTF_8))) {
                throw new UnprocessableEventException("poison cannot be handled", null);
            }
            HANDLED.add(record);
        });
    }
}
