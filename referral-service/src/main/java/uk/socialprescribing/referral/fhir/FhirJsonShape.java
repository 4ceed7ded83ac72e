package uk.socialprescribing.referral.fhir;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition.ChildTypeEnum;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;

/**
 * The shape of a FHIR R4 JSON body, checked before HAPI reads it. HAPI's parser, even with its strict error handler,
 * reads past shapes the FHIR JSON format forbids (a single value where the element repeats, an array where it does
 * not, an empty array, a null in an array) and takes strings and repeats of any size, so a referral could carry a
 * 100,000-character code or 10,000 reason codes it would never use. Each is a 400 whose OperationOutcome names the
 * element (a FHIRPath such as {@code ServiceRequest.contained[0].name[0].given}):
 * <ul>
 * <li>an element that repeats is an array, one that does not is not (by HAPI's own definitions of R4);</li>
 * <li>a primitive is a JSON value and a complex element an object;</li>
 * <li>no array or object is empty, and no array holds a null, except as the FHIR JSON format pairs a primitive's
 * values with their {@code _name} extensions;</li>
 * <li>no string is over {@value #MOST_CHARACTERS} characters and no element repeats more than {@value #MOST_REPEATS}
 * times: nothing of a referral needs more.</li>
 * </ul>
 */
final class FhirJsonShape {

    static final int MOST_CHARACTERS = 10_000;
    static final int MOST_REPEATS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ChildTypeEnum> PRIMITIVES = Set.of(ChildTypeEnum.PRIMITIVE_DATATYPE, ChildTypeEnum.PRIMITIVE_XHTML,
            ChildTypeEnum.PRIMITIVE_XHTML_HL7ORG, ChildTypeEnum.ID_DATATYPE);

    private final FhirContext fhir;

    FhirJsonShape(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Refuses a body of the wrong shape; one that is not JSON at all, or not a resource, is left for HAPI to name. */
    void check(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DataFormatException("not JSON: " + e.getOriginalMessage());
        }
        BaseRuntimeElementDefinition<?> resource = resourceOf(root);
        if (resource != null) {
            object(root, (BaseRuntimeElementCompositeDefinition<?>) resource, root.get("resourceType").asText());
        }
    }

    private void object(JsonNode node, BaseRuntimeElementCompositeDefinition<?> type, String at) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("resourceType")) {
                continue;
            }
            String path = at + "." + name;
            JsonNode value = field.getValue();
            // an element HAPI has no definition of (an unknown name, a primitive's _extension) is still held to the JSON rules
            BaseRuntimeChildDefinition child = type == null || name.startsWith("_") ? null : type.getChildByName(name);
            BaseRuntimeElementDefinition<?> childType = child == null ? null : child.getChildByName(name);
            if (value.isArray()) {
                if (child != null && child.getMax() == 1) {
                    throw refused(path, "must be a single value, not an array: it does not repeat");
                }
                if (value.isEmpty()) {
                    throw refused(path, "must not be an empty array: leave the element out");
                }
                if (value.size() > MOST_REPEATS) {
                    throw refused(path, "must not repeat more than " + MOST_REPEATS + " times");
                }
                boolean paired = name.startsWith("_") || node.has("_" + name);
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    if (item.isNull() && !paired) {
                        throw refused(path + "[" + i + "]", "must not be null");
                    }
                    if (item.isArray()) {
                        throw refused(path + "[" + i + "]", "must not be an array inside an array");
                    }
                    element(item, childType, path + "[" + i + "]");
                }
            } else {
                if (child != null && child.getMax() != 1) {
                    throw refused(path, "must be an array: the element repeats, so even one value is given in an array");
                }
                if (value.isNull()) {
                    throw refused(path, "must not be null: leave the element out");
                }
                element(value, childType, path);
            }
        }
    }

    private void element(JsonNode value, BaseRuntimeElementDefinition<?> type, String at) {
        if (value.isObject()) {
            if (value.isEmpty()) {
                throw refused(at, "must not be an empty object: leave the element out");
            }
            BaseRuntimeElementDefinition<?> resource = resourceOf(value);
            BaseRuntimeElementDefinition<?> actual = resource != null ? resource : type;
            if (actual != null && PRIMITIVES.contains(actual.getChildType())) {
                throw refused(at, "must be a value (a string, a number or true or false), not an object");
            }
            object(value, actual instanceof BaseRuntimeElementCompositeDefinition<?> composite ? composite : null, at);
        } else if (!value.isNull()) {
            if (value.isTextual() && value.asText().length() > MOST_CHARACTERS) {
                throw refused(at, "must be at most " + MOST_CHARACTERS + " characters");
            }
            if (type instanceof BaseRuntimeElementCompositeDefinition<?>) {
                throw refused(at, "must be an object: it is a complex element, not a value");
            }
        }
    }

    /** The definition of the resource an object is (by its resourceType), or null when it names none. */
    private BaseRuntimeElementDefinition<?> resourceOf(JsonNode node) {
        JsonNode resourceType = node.path("resourceType");
        if (!node.isObject() || !resourceType.isTextual()) {
            return null;
        }
        try {
            return fhir.getResourceDefinition(resourceType.asText());
        } catch (RuntimeException e) {
            // no resource of that name (HAPI's DataFormatException), or no name at all (its IllegalArgumentException)
            return null;
        }
    }

    private static FhirInvalidException refused(String expression, String message) {
        return FhirInvalidException.structure(expression, expression + " " + message);
    }
}
