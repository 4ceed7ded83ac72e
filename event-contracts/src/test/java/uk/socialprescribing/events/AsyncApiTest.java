package uk.socialprescribing.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The AsyncAPI document is a valid AsyncAPI 3.0 document, and it is the catalogue: every type, topic and partition count. */
class AsyncApiTest {

    static final JsonNode DOCUMENT = AsyncApi.document("kafka.example:9092");

    @Test
    void itIsAValidAsyncApi3Document() throws Exception {
        JsonNode specSchema = new ObjectMapper().readTree(getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.json"));
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(specSchema).validate(DOCUMENT);
        assertEquals(Set.of(), errors);
        assertEquals("3.0.0", DOCUMENT.path("asyncapi").asText());
    }

    @Test
    void everyTypeIsAMessageOnItsTopicsChannelWithItsSchema() throws Exception {
        Set<String> messages = new HashSet<>();
        DOCUMENT.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        assertEquals(java.util.Arrays.stream(EventType.values()).map(EventType::cloudEventType).collect(Collectors.toSet()), messages);
        for (EventType type : EventType.values()) {
            JsonNode channel = DOCUMENT.path("channels").path(type.topic().topicName());
            assertTrue(channel.path("messages").has(type.cloudEventType()), type + " on " + type.topic());
            assertEquals(type.topic().partitions(), channel.path("bindings").path("kafka").path("partitions").asInt());
            JsonNode payload = DOCUMENT.path("components").path("schemas").path(type.cloudEventType());
            JsonNode original = new ObjectMapper().readTree(getClass().getResourceAsStream(type.schemaResource()));
            assertEquals(original.path("properties"), payload.path("properties"), type + "'s payload is its JSON Schema");
            assertEquals(type.cloudEventType(), DOCUMENT.path("components").path("messages").path(type.cloudEventType()).path("headers")
                    .path("properties").path("ce_type").path("const").asText());
        }
        assertEquals(List.of("caseload-events", "directory-events", "outcome-events", "referral-events"),
                iterable(DOCUMENT.path("channels")).stream().sorted().toList());
        // every channel has the operation of the service that publishes it
        assertEquals(4, DOCUMENT.path("operations").size());
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
