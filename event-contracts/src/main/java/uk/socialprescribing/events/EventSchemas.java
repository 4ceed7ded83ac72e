package uk.socialprescribing.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The JSON Schemas of the catalogue, loaded once, and validation of event data against them. */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {
    }

    /** The violations of the data against its type's schema; empty when the data conforms. */
    public static List<String> violations(EventType type, JsonNode data) {
        return SCHEMAS.get(type).validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No schema for " + type.cloudEventType() + " at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
