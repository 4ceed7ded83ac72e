package uk.socialprescribing.gateway;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.socialprescribing.events.AsyncApi;

/**
 * One API for partners: every service's OpenAPI document merged into one, under the gateway's public address, with
 * the platform's OIDC security scheme (client credentials for systems, authorization code with PKCE for people);
 * and the event catalogue as AsyncAPI. A component two services name alike but define differently is kept under a
 * name prefixed with its service; the same definition is kept once. Built from the services' own documents when
 * asked, and kept for five minutes once every service has answered.
 */
@ApplicationScoped
public class ApiCatalogue {

    private static final Logger LOG = Logger.getLogger(ApiCatalogue.class);
    static final List<String> SECTIONS = List.of("schemas", "responses", "parameters", "examples", "requestBodies", "headers");
    static final String SCHEME = "SecurityScheme";

    private final GatewayConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String publicBaseUrl;
    private final String issuer;
    private final String kafka;
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    /** The platform's version (the Maven project's), as the merged document's info.version. */
    private final String version;

    public ApiCatalogue(GatewayConfig config, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.version = version;
        this.config = config;
        this.publicBaseUrl = config.publicBaseUrl();
        this.issuer = config.publicIssuer();
        this.kafka = config.publicKafka();
    }

    /** The event catalogue, as AsyncAPI 3.0. */
    public String asyncApi() {
        return AsyncApi.document(kafka).toString();
    }

    /** The merged OpenAPI document (blocking: call it off the event loop). */
    public ObjectNode openApi() {
        ObjectNode kept = cached;
        if (kept != null && cachedAt.isAfter(Instant.now().minus(Duration.ofMinutes(5)))) {
            return kept;
        }
        Map<String, JsonNode> documents = new TreeMap<>();
        List<String> unavailable = new ArrayList<>();
        new TreeMap<>(config.upstreams()).forEach((name, upstream) -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(upstream.resolve("/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    documents.put(name, json.readTree(response.body()));
                } else {
                    unavailable.add(name);
                }
            } catch (Exception e) {
                LOG.debugf("No OpenAPI document from %s: %s", name, e.toString());
                unavailable.add(name);
            }
        });
        ObjectNode merged = merge(documents);
        if (!unavailable.isEmpty()) {
            merged.putPOJO("x-unavailable", unavailable);
        } else {
            cached = merged;
            cachedAt = Instant.now();
        }
        return merged;
    }

    ObjectNode merge(Map<String, JsonNode> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Social prescribing platform API");
        info.put("version", version);
        info.put("description", "Every service's operations at the gateway: referrals (JSON and FHIR R4), caseloads, the community "
                + "directory (and its public Open Referral UK feed), outcome measures and commissioners' metrics. Errors are "
                + "application/problem+json (RFC 9457). Systems get a token by client credentials; people sign in by authorization "
                + "code with PKCE. Events: /asyncapi.json.");
        info.putObject("contact").put("name", "Social prescribing platform").put("url", publicBaseUrl + "/q/swagger-ui")
                .put("email", "platform@example.org");
        merged.putArray("servers").addObject().put("url", publicBaseUrl).put("description", "The gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        SECTIONS.forEach(components::putObject);
        components.putObject("securitySchemes").set(SCHEME, securityScheme());
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        Set<String> operationIds = new HashSet<>();
        documents.forEach((service, document) -> {
            ObjectNode doc = document.deepCopy();
            Map<String, String> renames = new HashMap<>();
            String prefix = prefix(service);
            for (String section : SECTIONS) {
                JsonNode theirs = doc.path("components").path(section);
                for (Iterator<String> names = theirs.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    JsonNode mine = components.path(section).get(name);
                    if (mine != null && !mine.equals(rewritten(theirs.get(name), renames))) {
                        renames.put("#/components/" + section + "/" + name, "#/components/" + section + "/" + prefix + name);
                    }
                }
            }
            rewrite(doc, renames);
            for (String section : SECTIONS) {
                JsonNode theirs = doc.path("components").path(section);
                for (Iterator<String> names = theirs.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    String target = renames.getOrDefault("#/components/" + section + "/" + name, "#/components/" + section + "/" + name);
                    ((ObjectNode) components.get(section)).set(target.substring(target.lastIndexOf('/') + 1), theirs.get(name));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                for (JsonNode operation : path.getValue()) {
                    if (operation instanceof ObjectNode op && op.has("operationId") && !operationIds.add(op.get("operationId").asText())) {
                        op.put("operationId", service.replace("-service", "") + "_" + op.get("operationId").asText());
                        operationIds.add(op.get("operationId").asText());
                    }
                }
                paths.set(path.getKey(), path.getValue());
            }
            for (JsonNode tag : doc.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        });
        return merged;
    }

    /** Client credentials for systems, authorization code (with PKCE) for people, both from the platform's Keycloak realm. */
    private ObjectNode securityScheme() {
        ObjectNode scheme = json.createObjectNode();
        scheme.put("type", "oauth2");
        scheme.put("description", "A bearer token from the platform's Keycloak realm (" + issuer + "). GP and partner systems: client "
                + "credentials. People (link workers, partners, commissioners): authorization code with PKCE, e.g. as client "
                + "social-prescribing-web.");
        ObjectNode flows = scheme.putObject("flows");
        flows.putObject("clientCredentials").put("tokenUrl", issuer + "/protocol/openid-connect/token").putObject("scopes");
        flows.putObject("authorizationCode").put("authorizationUrl", issuer + "/protocol/openid-connect/auth")
                .put("tokenUrl", issuer + "/protocol/openid-connect/token").putObject("scopes");
        return scheme;
    }

    /** The component as it would read with this service's references renamed (to compare it with one already kept). */
    private static JsonNode rewritten(JsonNode component, Map<String, String> renames) {
        JsonNode copy = component.deepCopy();
        rewrite(copy, renames);
        return copy;
    }

    private static void rewrite(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> rewrite(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewrite(child, renames));
        }
    }

    /** referral-service -> Referral. */
    static String prefix(String service) {
        String word = service.replace("-service", "").replace("-", "");
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
