package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real tokens from the platform's Keycloak, as its partners get them: client credentials for a machine client (its
 * secret read from the repository's realm, the one Keycloak imported), the password grant of the realm's local
 * command-line client for a demo person. Each is kept for ten minutes (they live fifteen).
 */
final class Keycloak {

    static final String REALM = "social-prescribing";
    private static final Map<Principal, Issued> TOKENS = new ConcurrentHashMap<>();

    private record Issued(String token, Instant at) {
    }

    private Keycloak() {
    }

    static String issuer() {
        return LocalPlatform.keycloak() + "/realms/" + REALM;
    }

    static String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    static String token(Principal who) {
        Issued issued = TOKENS.get(who);
        if (issued == null || issued.at().isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
            issued = new Issued(fresh(who), Instant.now());
            TOKENS.put(who, issued);
        }
        return issued.token();
    }

    private static String fresh(Principal who) {
        var request = given().baseUri(tokenEndpoint()).contentType("application/x-www-form-urlencoded");
        if (who.client != null) {
            request.formParam("grant_type", "client_credentials").formParam("client_id", who.client)
                    .formParam("client_secret", secretOf(who.client));
        } else {
            request.formParam("grant_type", "password").formParam("client_id", "local-demo-cli")
                    .formParam("username", who.username).formParam("password", "demo");
        }
        return request.when().post().then().statusCode(200).extract().path("access_token");
    }

    /** A demo client's secret, from the realm in the repository. */
    static String secretOf(String clientId) {
        try {
            JsonNode realm = new ObjectMapper().readTree(Files.readString(LocalPlatform.ROOT.resolve("infra/keycloak/" + REALM + "-realm.json")));
            for (JsonNode client : realm.get("clients")) {
                if (client.get("clientId").asText().equals(clientId)) {
                    return client.get("secret").asText();
                }
            }
            throw new IllegalArgumentException("No client " + clientId + " in the realm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
