package uk.socialprescribing.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import uk.socialprescribing.events.EventJson;

/** Reads a topic from its beginning, as a consumer group of its own, to see what a service published. */
public final class PublishedEvents {

    /** A record read back: its Kafka key and headers, and the CloudEvent they carry. */
    public record Published(String key, CloudEvent event, JsonNode data, List<Header> headers) {
        public String header(String name) {
            return headers.stream().filter(h -> h.key().equals(name)).map(h -> new String(h.value()))
                    .reduce((a, b) -> b).orElse(null);
        }
    }

    private PublishedEvents() {
    }

    /** Every record of the topic that matches, waiting until {@code expected} match or the time is up. */
    public static List<Published> await(String bootstrapServers, String topic, int expected, Duration timeout,
            Predicate<Published> matching) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Published> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Published published = read(record);
                    if (matching.test(published)) {
                        found.add(published);
                    }
                }
            }
            // a little longer, to see any record beyond those expected (a duplicate, say)
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                Published published = read(record);
                if (matching.test(published)) {
                    found.add(published);
                }
            }
        }
        return found;
    }

    /** Writes raw bytes and headers to a topic: how tests deliver a poison message. */
    public static void sendRaw(String bootstrapServers, String topic, String key, byte[] value, List<Header> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Published read(ConsumerRecord<String, byte[]> record) {
        List<Header> headers = List.of(record.headers().toArray());
        CloudEvent event = null;
        JsonNode data = null;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
            data = event.getData() == null ? null : EventJson.mapper().readTree(event.getData().toBytes());
        } catch (Exception notACloudEvent) {
            // kept as a raw record: dead-letter topics hold such things
        }
        return new Published(record.key(), event, data, headers);
    }
}
