package uk.socialprescribing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm Keycloak imports on Kubernetes is the repository's realm (infra/keycloak), with its demo secrets replaced
 * by placeholders the Keycloak operator fills from Secrets: the clients' secrets in every overlay; the demo people
 * and the local command-line client only in dev. The files are generated from the realm; this test fails when they
 * drift. To regenerate: {@code ./mvnw -pl deploy-tests test -Dtest=RealmImportTest -Dk8s.regenerate=true}.
 */
class RealmImportTest {

    static final Path REALM = Manifests.REPO.resolve("infra/keycloak/social-prescribing-realm.json");
    static final Path IMPORT = Manifests.K8S.resolve("base/keycloak/realm-import.yaml");
    static final Path DEMO_USERS = Manifests.K8S.resolve("overlays/dev/realm-demo-users.yaml");
    static final String LOCAL_CLIENT = "local-demo-cli";

    static ObjectNode realm() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(REALM.toFile());
    }

    /** A client's secret placeholder: gp-practice-b82005 -> GP_PRACTICE_B82005_SECRET. */
    static String placeholder(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }

    static ObjectNode expectedImport() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = realm();
        ObjectNode placeholders = json.createObjectNode();
        ArrayNode clients = json.createArrayNode();
        for (JsonNode client : realm.get("clients")) {
            if (LOCAL_CLIENT.equals(client.path("clientId").asText())) {
                continue;
            }
            ObjectNode copy = client.deepCopy();
            if (copy.has("secret")) {
                String name = placeholder(copy.get("clientId").asText());
                copy.put("secret", "${" + name + "}");
                placeholders.putObject(name).putObject("secret").put("name", "keycloak-client-secrets").put("key", copy.get("clientId").asText());
            }
            if (copy.has("redirectUris")) {
                copy.set("redirectUris", json.createArrayNode().add("https://app.social-prescribing.example/*")
                        .add("https://api.social-prescribing.example/q/swagger-ui/*"));
            }
            clients.add(copy);
        }
        realm.set("clients", clients);
        ArrayNode serviceAccounts = json.createArrayNode();
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId") && !LOCAL_CLIENT.equals(user.get("serviceAccountClientId").asText())) {
                serviceAccounts.add(user);
            }
        }
        realm.set("users", serviceAccounts);
        ObjectNode resource = json.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "social-prescribing");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return resource;
    }

    /** The dev overlay's JSON patch: the demo people (password from a Secret) and the local command-line client. */
    static ArrayNode expectedDemoUsers() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = realm();
        ArrayNode patch = json.createArrayNode();
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            ObjectNode copy = user.deepCopy();
            for (JsonNode credential : copy.path("credentials")) {
                ((ObjectNode) credential).put("value", "${DEMO_USER_PASSWORD}");
            }
            patch.addObject().put("op", "add").put("path", "/spec/realm/users/-").set("value", copy);
        }
        for (JsonNode client : realm.get("clients")) {
            if (LOCAL_CLIENT.equals(client.path("clientId").asText())) {
                patch.addObject().put("op", "add").put("path", "/spec/realm/clients/-").set("value", client);
            }
        }
        ObjectNode placeholder = json.createObjectNode();
        placeholder.putObject("secret").put("name", "keycloak-demo-users").put("key", "password");
        patch.addObject().put("op", "add").put("path", "/spec/placeholders/DEMO_USER_PASSWORD").set("value", placeholder);
        return patch;
    }

    @Test
    void theImportedRealmIsTheRepositorysWithItsSecretsAsPlaceholders() throws Exception {
        ObjectNode expected = expectedImport();
        ArrayNode demo = expectedDemoUsers();
        if (Boolean.getBoolean("k8s.regenerate")) {
            write(IMPORT, "# Generated from infra/keycloak/social-prescribing-realm.json by RealmImportTest (deploy-tests): do not edit.\n"
                    + "# Client secrets are placeholders, filled by the Keycloak operator from the Secret keycloak-client-secrets.\n",
                    expected);
            write(DEMO_USERS, "# Generated by RealmImportTest (deploy-tests): the demo people, for dev only; their password comes from the\n"
                    + "# Secret keycloak-demo-users.\n", demo);
        }
        assertEquals(expected, Manifests.YAML.readTree(IMPORT.toFile()), "k8s/base/keycloak/realm-import.yaml is not the repository's realm: "
                + "regenerate it (see this test's comment)");
        assertEquals(demo, Manifests.YAML.readTree(DEMO_USERS.toFile()), "k8s/overlays/dev/realm-demo-users.yaml is stale: regenerate it");
        // nothing secret is left in either file: every client secret and password is a placeholder
        String text = Files.readString(IMPORT) + Files.readString(DEMO_USERS);
        assertFalse(text.contains("local-demo-") && text.contains("-secret\""), "a demo client secret is in the realm import");
        assertSecretsArePlaceholders(Manifests.YAML.readTree(IMPORT.toFile()));
        assertSecretsArePlaceholders(Manifests.YAML.readTree(DEMO_USERS.toFile()));
    }

    static void assertSecretsArePlaceholders(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                JsonNode value = node.get(name);
                if ((name.equals("secret") || name.equals("value") && node.path("type").asText().equals("password")) && value.isTextual()) {
                    assertEquals(true, value.asText().matches("\\$\\{[A-Z0-9_]+}"), name + " is not a placeholder: " + value);
                }
                assertSecretsArePlaceholders(value);
            }
        } else if (node.isArray()) {
            node.forEach(RealmImportTest::assertSecretsArePlaceholders);
        }
    }

    private static void write(Path path, String header, JsonNode content) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, header + Manifests.YAML.writeValueAsString(content));
    }
}
