package uk.socialprescribing.messaging.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.messaging.ReplayedChannel;

/**
 * Dead letters as an admin sees and mends them: each listed with why it failed and where it came from; a replay hands
 * it to its channel's handler as if just delivered from its own topic, and every replay is recorded with its outcome;
 * one that fails again says so and stays; a record that is not there is named as not found.
 */
@QuarkusTest
class DeadLettersTest {

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aDeadLetterIsListedWithItsCauseAndReplayedToItsHandler() throws Exception {
        String key = UUID.randomUUID().toString();
        RecordMetadata sent = deadLetter(key, "mended", 7L);

        DeadLetters.DeadLetter listed = find(sent);
        assertEquals(ReplayedChannel.NAME, listed.channel());
        assertEquals("the schema refused it", listed.reason());
        assertEquals("test-events", listed.topic());
        assertEquals(7L, listed.topicOffset());
        assertEquals(key, listed.key());
        assertEquals(List.of(), listed.replays());

        DeadLetters.Replay replay = deadLetters.replay(ReplayedChannel.NAME, sent.partition(), sent.offset(), "sam.admin");
        assertEquals("replayed", replay.outcome());
        var handled = ReplayedChannel.HANDLED.stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(1, handled.size());
        // as if from its own topic and place, without the dead-letter headers
        assertEquals("test-events", handled.get(0).topic());
        assertEquals(7L, handled.get(0).offset());
        assertTrue(handled.get(0).headers().lastHeader("dead-letter-reason") == null);

        List<DeadLetters.Replay> replays = find(sent).replays();
        assertEquals(1, replays.size());
        assertEquals("sam.admin", replays.get(0).by());
    }

    @Test
    void oneThatFailsAgainSaysSoIsRecordedAndStays() throws Exception {
        RecordMetadata sent = deadLetter(UUID.randomUUID().toString(), "poison", 3L);
        DeadLetters.StillFailing failed = assertThrows(DeadLetters.StillFailing.class,
                () -> deadLetters.replay(ReplayedChannel.NAME, sent.partition(), sent.offset(), "sam.admin"));
        assertEquals("poison cannot be handled", failed.getMessage());
        DeadLetters.DeadLetter listed = find(sent);
        assertEquals(List.of("failed"), listed.replays().stream().map(DeadLetters.Replay::outcome).toList());
    }

    @Test
    void aDeadLetterThatIsNotThereIsNotFound() {
        assertThrows(DeadLetters.NoSuchDeadLetter.class, () -> deadLetters.replay(ReplayedChannel.NAME, 0, 1_000_000, "sam.admin"));
        assertThrows(DeadLetters.NoSuchDeadLetter.class, () -> deadLetters.replay("no-such-channel", 0, 0, "sam.admin"));
    }

    DeadLetters.DeadLetter find(RecordMetadata sent) {
        return deadLetters.list(Optional.of(ReplayedChannel.NAME)).stream()
                .filter(d -> d.partition() == sent.partition() && d.offset() == sent.offset()).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + sent));
    }

    /** A record on the dead-letter topic as SmallRye's dead-letter strategy writes one. */
    RecordMetadata deadLetter(String key, String value, long offset) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("test-events.dlq", key, value.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-reason", "the schema refused it".getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-topic", "test-events".getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-offset", Long.toString(offset).getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get();
        }
    }
}
