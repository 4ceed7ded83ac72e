package uk.socialprescribing.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The event catalogue as an AsyncAPI 3.0 document, generated from {@link EventType}, {@link Topic} and the JSON
 * Schemas of this module, so that it cannot drift from what the services publish: a channel per topic (with its
 * partition count), a message per CloudEvents type (binary mode: its {@code ce_*} headers, its payload schema, its
 * key), and the operation of the service that sends each.
 */
public final class AsyncApi {

    /** Which service publishes each topic. */
    static final Map<Topic, String> PUBLISHERS = Map.of(Topic.REFERRAL_EVENTS, "referral-service", Topic.CASELOAD_EVENTS, "caseload-service",
            Topic.DIRECTORY_EVENTS, "directory-service", Topic.OUTCOME_EVENTS, "outcomes-service");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApi() {
    }

    /** The document; {@code kafka} is the bootstrap address partners are given. */
    public static ObjectNode document(String kafka) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Social prescribing platform: event catalogue");
        info.put("version", "1.0.0");
        info.put("description", "Every event the platform's services publish, as CloudEvents 1.0 in Kafka's binary mode: the CloudEvents "
                + "attributes are ce_* headers, the data is the JSON payload, the key is the aggregate's id (so one aggregate's events "
                + "keep their order). Delivery is at least once: consumers apply each event once, by its id (ce_id). Types are "
                + "versioned (<name>.v<n>); a breaking change is a new version, published beside the old one until it is retired. "
                + "No event carries a person's identity. ce_requestid, when present, is the id of the request that caused the event.");
        info.putObject("contact").put("name", "Social prescribing platform").put("url", "https://api.social-prescribing.example/q/swagger-ui")
                .put("email", "platform@example.org");
        ArrayNode tags = info.putArray("tags");
        for (Topic topic : Topic.values()) {
            tags.addObject().put("name", topic.topicName()).put("description", "Events of " + PUBLISHERS.get(topic));
        }
        doc.put("defaultContentType", "application/json");
        ObjectNode server = doc.putObject("servers").putObject("kafka");
        server.put("host", kafka);
        server.put("protocol", "kafka");
        server.put("description", "The platform's Kafka cluster (TLS listener on 9093 in Kubernetes)");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        for (Topic topic : Topic.values()) {
            ObjectNode channel = channels.putObject(topic.topicName());
            channel.put("address", topic.topicName());
            channel.put("description", "Events published by " + PUBLISHERS.get(topic) + "; " + topic.partitions() + " partitions");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode kafkaBinding = channel.putObject("bindings").putObject("kafka");
            kafkaBinding.put("topic", topic.topicName());
            kafkaBinding.put("partitions", topic.partitions());
            kafkaBinding.put("bindingVersion", "0.5.0");
            ObjectNode operation = operations.putObject(PUBLISHERS.get(topic) + ".publishes." + topic.topicName());
            operation.put("action", "send");
            operation.put("summary", PUBLISHERS.get(topic) + " publishes to " + topic.topicName());
            operation.put("description", PUBLISHERS.get(topic) + " writes each event in the same transaction as the change it records (a "
                    + "transactional outbox), and one relay per database publishes them in order, at least once, with acks from all "
                    + "in-sync replicas. Consumers read with a group of their own and apply each event once, by its ce_id.");
            operation.putObject("channel").put("$ref", "#/channels/" + topic.topicName());
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType type : EventType.values()) {
                if (type.topic() != topic) {
                    continue;
                }
                String key = type.cloudEventType();
                channelMessages.putObject(key).put("$ref", "#/components/messages/" + key);
                operationMessages.addObject().put("$ref", "#/channels/" + topic.topicName() + "/messages/" + key);
                schemas.set(key, payloadSchema(type));
                messages.set(key, message(type));
            }
        }
        return doc;
    }

    private static ObjectNode message(EventType type) {
        JsonNode schema = rawSchema(type);
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type.cloudEventType());
        message.put("title", type.cloudEventType());
        message.put("summary", schema.path("description").asText(type.cloudEventType()));
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        headers.putArray("required").add("ce_specversion").add("ce_id").add("ce_source").add("ce_type");
        ObjectNode props = headers.putObject("properties");
        props.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        props.putObject("ce_id").put("type", "string").put("description", "The event's id: what consumers deduplicate on");
        props.putObject("ce_source").put("type", "string").put("description", "The publishing service, e.g. /referral-service");
        props.putObject("ce_type").put("type", "string").put("const", type.cloudEventType());
        props.putObject("ce_subject").put("type", "string").put("description", "The aggregate's id, as the key");
        props.putObject("ce_time").put("type", "string").put("format", "date-time");
        props.putObject("ce_dataschema").put("type", "string").put("const", type.schemaUri());
        props.putObject("ce_" + RequestId.EXTENSION).put("type", "string").put("description", "The id of the request that caused the event (X-Request-Id)");
        message.putObject("payload").put("$ref", "#/components/schemas/" + type.cloudEventType());
        ObjectNode key = message.putObject("bindings").putObject("kafka");
        key.putObject("key").put("type", "string").put("description", "The aggregate's id (the same as ce_subject)");
        key.put("bindingVersion", "0.5.0");
        return message;
    }

    /** The event's JSON Schema as an AsyncAPI schema: the same, without the keywords that only name the file. */
    private static ObjectNode payloadSchema(EventType type) {
        ObjectNode schema = rawSchema(type).deepCopy();
        schema.remove("$schema");
        schema.remove("$id");
        return schema;
    }

    private static ObjectNode rawSchema(EventType type) {
        try (InputStream in = AsyncApi.class.getResourceAsStream(type.schemaResource())) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
