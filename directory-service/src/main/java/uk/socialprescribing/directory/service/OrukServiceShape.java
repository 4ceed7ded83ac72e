package uk.socialprescribing.directory.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import uk.socialprescribing.conventions.Problem;

/**
 * What an imported ORUK service must be, beyond the fields the import reads: each field of the type the ORUK 3.0
 * schema gives it (a schedule is an array of objects, a location's name a string: the validator's own schema, in
 * {@code resources/oruk/validator/}), no text over {@value #MOST_CHARACTERS} characters and no list over
 * {@value #MOST_ITEMS} items. The schema's other rules (ids on every object, an address's country and type) are not
 * asked of a file, which may carry only what a listing needs; the fields the import reads are checked by the import
 * itself.
 */
final class OrukServiceShape {

    static final int MOST_CHARACTERS = 10_000;
    static final int MOST_ITEMS = 1_000;
    /** The fields of an ORUK 3.0 page, the only ones a file saved from one may have besides its contents. */
    static final Set<String> PAGE_FIELDS = Set.of("contents", "total_items", "total_pages", "page_number", "size", "first_page", "last_page",
            "empty");
    private static final JsonSchema SERVICE = schema("/oruk/validator/service_with_definitions.json");

    private OrukServiceShape() {
    }

    /** Adds each problem of the service's shape to errors, named from {@code at} (its place in the file or feed). */
    static void check(JsonNode service, String at, List<Problem.FieldError> errors) {
        sizes(service, "", at, errors);
        for (ValidationMessage message : SERVICE.validate(service)) {
            if ("type".equals(message.getType())) {
                String field = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
                String found = message.getMessage().substring(message.getMessage().indexOf(": ") + 2);
                errors.add(new Problem.FieldError(at + field, "OrukType", found + " (the ORUK 3.0 schema)"));
            }
        }
    }

    private static void sizes(JsonNode node, String path, String at, List<Problem.FieldError> errors) {
        if (node.isTextual() && node.asText().length() > MOST_CHARACTERS) {
            errors.add(new Problem.FieldError(at + path, "Size", "must be at most " + MOST_CHARACTERS + " characters"));
        } else if (node.isArray()) {
            if (node.size() > MOST_ITEMS) {
                errors.add(new Problem.FieldError(at + path, "MaxItems", "must hold at most " + MOST_ITEMS + " items"));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                sizes(node.get(i), path + "[" + i + "]", at, errors);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                sizes(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), at, errors);
            }
        }
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = OrukServiceShape.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
