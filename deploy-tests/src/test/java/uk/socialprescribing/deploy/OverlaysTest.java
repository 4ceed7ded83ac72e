package uk.socialprescribing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every overlay renders, and every object in it is valid: Kubernetes' own kinds read into fabric8's typed model,
 * Strimzi's into Strimzi's model classes, CloudNativePG's against its CRD schema, each strictly (a field the model
 * does not know is an error, as {@code kubectl apply --validate=strict} makes it). Keycloak's resources are checked
 * against the operator's documented fields (no schema of it could be obtained here; see crds/ORIGIN.md).
 */
class OverlaysTest {

    static final Map<String, Class<?>> STRIMZI = Map.of("Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);
    static final Map<String, String> CNPG = Map.of("Cluster", "crds/postgresql.cnpg.io_clusters.yaml", "ScheduledBackup",
            "crds/postgresql.cnpg.io_scheduledbackups.yaml");
    /** Keycloak operator v2alpha1 (Keycloak 26): the fields these manifests use, as its documentation names them. */
    static final Map<String, Set<String>> KEYCLOAK_SPEC = Map.of(
            "Keycloak", Set.of("instances", "db", "http", "hostname", "proxy", "ingress"),
            "KeycloakRealmImport", Set.of("keycloakCRName", "placeholders", "realm"));

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyObjectIsValidForItsKind(String overlay) throws Exception {
        List<ObjectNode> objects = Manifests.render(overlay);
        assertTrue(objects.size() > 40, overlay + " rendered only " + objects.size() + " objects");
        List<String> problems = new ArrayList<>();
        ObjectMapper strict = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (ObjectNode object : objects) {
            String kind = object.path("kind").asText();
            String where = overlay + " " + Manifests.name(object);
            if (!object.path("metadata").path("namespace").asText().startsWith("social-prescribing")) {
                problems.add(where + ": not in the overlay's namespace");
            }
            if (STRIMZI.containsKey(kind)) {
                assertEquals("kafka.strimzi.io/v1beta2", object.path("apiVersion").asText(), where);
                unknownFields(strict.treeToValue(object, STRIMZI.get(kind)), where, problems);
            } else if (CNPG.containsKey(kind)) {
                assertEquals("postgresql.cnpg.io/v1", object.path("apiVersion").asText(), where);
                for (ValidationMessage message : crdSchema(CNPG.get(kind)).validate(object)) {
                    problems.add(where + ": " + message.getMessage());
                }
            } else if (KEYCLOAK_SPEC.containsKey(kind)) {
                assertEquals("k8s.keycloak.org/v2alpha1", object.path("apiVersion").asText(), where);
                for (Iterator<String> fields = object.path("spec").fieldNames(); fields.hasNext();) {
                    String field = fields.next();
                    if (!KEYCLOAK_SPEC.get(kind).contains(field)) {
                        problems.add(where + ": spec." + field + " is not a field this test knows the Keycloak operator to have");
                    }
                }
            } else {
                HasMetadata typed = Serialization.unmarshal(Manifests.YAML.writeValueAsString(object));
                if (typed.getClass().getSimpleName().equals("GenericKubernetesResource")) {
                    problems.add(where + ": " + object.path("apiVersion").asText() + " " + kind + " is not a kind of the Kubernetes API");
                } else {
                    unknownFields(typed, where, problems);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Walks a model object: any property the model kept aside as unknown (additionalProperties) is a problem. */
    static void unknownFields(Object model, String where, List<String> problems) {
        walk(model, where, problems, new IdentityHashMap<>());
    }

    private static void walk(Object value, String path, List<String> problems, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8") && !value.getClass().getName().startsWith("io.strimzi")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object property = method.invoke(value);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else if (value instanceof KubernetesResource || value.getClass().getName().startsWith("io.strimzi")) {
                    walk(property, path + "." + Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4), problems, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a derived getter that needs more than the model holds: not a field
            }
        }
    }

    /** The CRD's openAPIV3Schema, made strict: an object that names its properties allows no others. */
    static JsonSchema crdSchema(String resource) throws Exception {
        JsonNode crd = Manifests.YAML.readTree(OverlaysTest.class.getClassLoader().getResourceAsStream(resource));
        JsonNode version = null;
        for (JsonNode v : crd.path("spec").path("versions")) {
            if ("v1".equals(v.path("name").asText())) {
                version = v;
            }
        }
        ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
        strict(schema);
        // the apiserver fills these in; the manifests do not carry them
        ((ObjectNode) schema.path("properties")).remove("status");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties") && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            // metadata is the apiserver's ObjectMeta, which the CRD leaves open
            if (object.has("properties") && object.path("properties").has("metadata") && object.path("properties").path("metadata").path("type")
                    .asText().equals("object") && !object.path("properties").path("metadata").has("properties")) {
                ((ObjectNode) object.path("properties").path("metadata")).put("additionalProperties", true);
            }
            object.elements().forEachRemaining(OverlaysTest::strict);
        } else if (node != null && node.isArray()) {
            node.forEach(OverlaysTest::strict);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void noSecretValueIsCommitted(String overlay) {
        for (ObjectNode secret : Manifests.ofKind(overlay, "Secret")) {
            assertFalse(secret.has("data") || secret.has("stringData"), Manifests.name(secret) + " carries values");
        }
        for (ObjectNode config : Manifests.ofKind(overlay, "ConfigMap")) {
            config.path("data").fieldNames().forEachRemaining(key -> assertFalse(key.matches("(?i).*(password|secret|token|key).*"),
                    Manifests.name(config) + " holds " + key));
        }
    }
}
