package uk.socialprescribing.testing;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import uk.socialprescribing.events.EventData;
import uk.socialprescribing.events.EventJson;
import uk.socialprescribing.events.EventType;

/** Publishes catalogue events to the real broker as another service's outbox relay would (binary CloudEvents). */
public final class TestEvents {

    private TestEvents() {
    }

    /** A CloudEvent of the catalogue with a new id, as if from {@code source}. */
    public static CloudEvent cloudEvent(String source, EventData data) {
        EventType type = EventType.of(data);
        try {
            return CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/" + source))
                    .withType(type.cloudEventType())
                    .withSubject(data.aggregateId())
                    .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                    .withDataSchema(URI.create(type.schemaUri()))
                    .withDataContentType("application/json")
                    .withData(EventJson.mapper().writeValueAsBytes(data))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the event to its catalogue topic, keyed by its subject (the aggregate id). */
    public static void publish(String bootstrapServers, CloudEvent event) {
        String topic = EventType.fromCloudEventType(event.getType()).orElseThrow().topic().topicName();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(p, new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(topic, event.getSubject(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + event.getType(), e);
        }
    }

    /**
     * Writes the event to any topic with headers of its own beside the CloudEvent's, e.g. to a dead-letter topic as
     * SmallRye writes a record there (its dead-letter-* headers).
     */
    public static void publishTo(String bootstrapServers, String topic, CloudEvent event, List<Header> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(p, new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, event.getSubject(), event, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write " + event.getType() + " to " + topic, e);
        }
    }

    public static CloudEvent publish(String bootstrapServers, String source, EventData data) {
        CloudEvent event = cloudEvent(source, data);
        publish(bootstrapServers, event);
        return event;
    }
}
