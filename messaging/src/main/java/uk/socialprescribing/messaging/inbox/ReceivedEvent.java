package uk.socialprescribing.messaging.inbox;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import uk.socialprescribing.events.EventData;
import uk.socialprescribing.events.EventJson;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.RequestId;

/**
 * A CloudEvent read from Kafka and checked: a known type, data that conforms to its schema, typed.
 * Types this version of the catalogue does not know (a newer version, say) are {@link #isKnown() unknown}
 * rather than an error, so a consumer can skip them and upgrade later.
 */
public record ReceivedEvent(String id, String source, String type, OffsetDateTime time, Optional<EventData> data, String requestId) {

    public boolean isKnown() {
        return data.isPresent();
    }

    /** The data, when it is of the given payload type. */
    public <T extends EventData> Optional<T> dataAs(Class<T> payloadType) {
        return data.filter(payloadType::isInstance).map(payloadType::cast);
    }

    /**
     * Reads a record written by the outbox relay (CloudEvents binary mode).
     *
     * @throws UnprocessableEventException when the record is not a CloudEvent or its data does not conform
     */
    public static ReceivedEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        String source = event.getSource().toString();
        Optional<EventType> type = EventType.fromCloudEventType(event.getType());
        if (type.isEmpty()) {
            return new ReceivedEvent(event.getId(), source, event.getType(), event.getTime(), Optional.empty(), requestId(event));
        }
        if (event.getData() == null) {
            throw new UnprocessableEventException(event.getType() + " " + event.getId() + " has no data");
        }
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new UnprocessableEventException(event.getType() + " " + event.getId() + " data is not JSON: " + e.getMessage(), e);
        }
        List<String> violations = EventSchemas.violations(type.get(), json);
        if (!violations.isEmpty()) {
            throw new UnprocessableEventException(
                    event.getType() + " " + event.getId() + " does not conform to " + type.get().schemaUri() + ": " + violations);
        }
        try {
            EventData data = EventJson.mapper().treeToValue(json, type.get().dataType());
            return new ReceivedEvent(event.getId(), source, event.getType(), event.getTime(), Optional.of(data), requestId(event));
        } catch (IOException e) {
            throw new UnprocessableEventException(event.getType() + " " + event.getId() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The id of the request that wrote the event (the requestid extension), when it is usable as one. */
    private static String requestId(CloudEvent event) {
        Object id = event.getExtension(RequestId.EXTENSION);
        return id != null && RequestId.usable(id.toString()) ? id.toString() : null;
    }
}
