package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * The real Keycloak and real tokens, as partners get them: a GP system's client-credentials token and a link worker's
 * user token are accepted; an expired, tampered, wrong-audience or foreign-issuer token, or one signed by a key that
 * is not the realm's, is refused with a 401 problem, by the gateway and by a service called directly.
 */
@ExtendWith(PlatformUp.class)
@Order(3)
class KeycloakTokensTest {

    static final String ADMIN_CLI = "admin-cli";

    @Test
    void aGpSystemsClientCredentialsTokenRefersAndALinkWorkersUserTokenReads() {
        String gp = given().baseUri(Keycloak.tokenEndpoint()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "gp-practice-b82005")
                .formParam("client_secret", Keycloak.secretOf("gp-practice-b82005"))
                .when().post().then().statusCode(200).body("token_type", equalTo("Bearer")).extract().path("access_token");
        String id = given().auth().oauth2(gp).contentType(ContentType.JSON).body(AuthorizationMatrixTest.Fixtures.REFERRAL)
                .when().post("/api/referrals")
                .then().statusCode(201).header("Location", startsWith(LocalPlatform.gateway() + "/api/referrals/"))
                .body("referrer.organisation", equalTo("B82005")).extract().path("id");
        given().auth().oauth2(Principal.LINK_WORKER_1.token()).when().get("/api/referrals/{id}", id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenWithTheRealmsIssuerAndAudience() throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = AuthorizationMatrixTest.JSON.createObjectNode().put("iss", Keycloak.issuer()).put("aud", "social-prescribing-api")
                .put("sub", "forger").put("azp", "gp-practice-b82005").put("iat", now).put("exp", now + 600).put("ods_code", "B82005");
        claims.putObject("realm_access").putArray("roles").add("admin").add("referrer");
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"not-the-realms\"}");
        String body = base64(claims.toString());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
        String forged = header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        refusedEverywhere(forged);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = Principal.REFERRER_B.token();
        String[] parts = token.split("\\.");
        // practice B's genuine token, its payload changed to name practice A; the signature no longer matches
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("B82018", "B82005");
        refusedEverywhere(parts[0] + "." + base64(payload) + "." + parts[2]);
        // and a signature left off
        refusedEverywhere(parts[0] + "." + parts[1] + ".");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        // the realm's built-in admin-cli client issues tokens without the API's audience
        String token = given().baseUri(Keycloak.tokenEndpoint()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", ADMIN_CLI)
                .formParam("username", "amara.okafor").formParam("password", "demo")
                .when().post().then().statusCode(200).extract().path("access_token");
        refusedEverywhere(token);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        // Keycloak's own master realm: a real token, from a real issuer that is not ours
        refusedEverywhere(masterRealmToken());
    }

    @Test
    void anExpiredTokenIsRefused() {
        // a client whose tokens live five seconds, for this test only (the realm is restored after)
        String master = masterRealmToken();
        String admin = LocalPlatform.keycloak() + "/admin/realms/" + Keycloak.REALM + "/clients";
        Map<String, Object> client = given().auth().oauth2(master).queryParam("clientId", "gp-practice-b82026").when().get(admin)
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("$").get(0);
        String clientUuid = (String) client.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        Object before = attributes.get("access.token.lifespan");
        attributes.put("access.token.lifespan", "5");
        given().auth().oauth2(master).contentType(ContentType.JSON).body(client).when().put(admin + "/" + clientUuid).then().statusCode(204);
        String token;
        try {
            token = given().baseUri(Keycloak.tokenEndpoint()).contentType("application/x-www-form-urlencoded")
                    .formParam("grant_type", "client_credentials").formParam("client_id", "gp-practice-b82026")
                    .formParam("client_secret", Keycloak.secretOf("gp-practice-b82026"))
                    .when().post().then().statusCode(200).body("expires_in", org.hamcrest.Matchers.lessThanOrEqualTo(5)).extract().path("access_token");
        } finally {
            if (before == null) {
                attributes.remove("access.token.lifespan");
            } else {
                attributes.put("access.token.lifespan", before);
            }
            given().auth().oauth2(master).contentType(ContentType.JSON).body(client).when().put(admin + "/" + clientUuid).then().statusCode(204);
        }
        // good while it lives; refused once it has expired
        given().auth().oauth2(token).when().get("/api/referrals/webhooks").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(token).when().get("/api/referrals/webhooks").then().extract().statusCode() == 401);
        refusedEverywhere(token);
    }

    /** A 401 problem from the gateway, and from referral-service called directly (it checks every token again). */
    static void refusedEverywhere(String token) {
        given().auth().oauth2(token).when().get("/api/referrals/webhooks")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(AuthorizationMatrixTest.Fixtures.REFERRAL).when().post("/api/referrals")
                .then().statusCode(401).contentType("application/problem+json");
        given().baseUri(LocalPlatform.service("referral-service")).auth().oauth2(token).when().get("/api/referrals/webhooks")
                .then().statusCode(401).contentType("application/problem+json");
    }

    static String masterRealmToken() {
        return given().baseUri(LocalPlatform.keycloak() + "/realms/master/protocol/openid-connect/token")
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "password").formParam("client_id", ADMIN_CLI)
                .formParam("username", "admin").formParam("password", "admin")
                .when().post().then().statusCode(200).extract().path("access_token");
    }

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
