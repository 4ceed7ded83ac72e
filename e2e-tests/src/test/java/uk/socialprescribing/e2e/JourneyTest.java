package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * One person's whole journey, through the gateway with real tokens: a GP system gets a client-credentials token and
 * POSTs a FHIR ServiceRequest; a link worker accepts it; caseload opens and assigns the case; the link worker records
 * baseline ONS4, SWEMWBS and UCLA-3, holds three sessions and connects the person to a community service with places,
 * which then has one fewer; follow-up measures; the case is closed; the GP system's webhook hears back, signed, with
 * the change in the person's measures; and the commissioner's metrics count the closure.
 */
@ExtendWith(PlatformUp.class)
@Order(5)
class JourneyTest {

    record Delivery(String signature, String timestamp, String body) {
    }

    HttpServer gpSystem;
    final List<Delivery> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTheGpSystem() {
        if (gpSystem != null) {
            gpSystem.stop(0);
        }
    }

    @Test
    void fromTheGpsReferralToTheCommissionersMetrics() throws Exception {
        // the GP practice system: a client-credentials token, and a webhook for the messages back
        String gp = given().baseUri(Keycloak.tokenEndpoint()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "gp-practice-b82005")
                .formParam("client_secret", Keycloak.secretOf("gp-practice-b82005")).when().post().then().statusCode(200)
                .extract().path("access_token");
        gpSystem = webhookReceiver();
        String secret = given().auth().oauth2(gp).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:" + gpSystem.getAddress().getPort() + "/social-prescribing/messages\"}")
                .when().post("/api/referrals/webhooks").then().statusCode(201).extract().path("secret");
        String commissioner = Principal.COMMISSIONER.token();
        Integer closedBefore = closuresPublished(commissioner);

        // 1. the referral, as a UK Core ServiceRequest, the person agreeing that the outcome is shared back
        String serviceRequest = ApiDocument.example("POST /fhir/ServiceRequest", "application/fhir+json");
        String location = given().auth().oauth2(gp).contentType("application/fhir+json").body(serviceRequest)
                .when().post("/fhir/ServiceRequest").then().statusCode(201).extract().header("Location");
        assertTrue(location.startsWith(LocalPlatform.gateway() + "/fhir/ServiceRequest/"), location);
        String referral = location.substring(location.lastIndexOf('/') + 1);

        // 2. triage accepts; caseload opens the case and it is assigned to the link worker
        String worker = AuthorizationMatrixTest.Fixtures.workerId("amara.okafor");
        String caseId = AuthorizationMatrixTest.Fixtures.acceptedCase(referral, worker);
        String linkWorker = Principal.LINK_WORKER_1.token();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(linkWorker).when().get("/api/outcomes/cases/" + caseId + "/measurements").then().extract().statusCode() == 200);

        // 3. baseline measures
        measure(linkWorker, caseId, "ONS4", "baseline", Map.of("life_satisfaction", 3, "worthwhile", 4, "happiness", 3, "anxiety", 8));
        measure(linkWorker, caseId, "SWEMWBS", "baseline", items("swemwbs_", 7, 2));
        measure(linkWorker, caseId, "UCLA3", "baseline", items("ucla_", 3, 3));

        // 4. three sessions, held and recorded: a minute apart from now (a session cannot come before its referral, nor be
        // recorded as held more than 10 minutes before its time)
        java.time.Instant start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int n = 0; n < 3; n++) {
            Response session = given().auth().oauth2(linkWorker).contentType(ContentType.JSON)
                    .body("{\"kind\": \"%s\", \"mode\": \"face-to-face\", \"scheduledFor\": \"%s\", \"durationMinutes\": 45}"
                            .formatted(n == 0 ? "initial-conversation" : "follow-up", start.plusSeconds(60L * n)))
                    .when().post("/api/caseload/cases/" + caseId + "/sessions").then().statusCode(201).extract().response();
            given().auth().oauth2(linkWorker).header("If-Match", session.header("ETag")).contentType(ContentType.JSON)
                    .body("{\"outcome\": \"attended\"}").when().post("/api/caseload/cases/" + caseId + "/sessions/" + session.path("id") + "/record")
                    .then().statusCode(200);
        }

        // 5. connected to a community service with places: it has one fewer
        Map<String, Object> service = withPlaces(linkWorker, caseId);
        String serviceId = (String) service.get("id");
        int placesBefore = ((Number) service.get("capacityAvailable")).intValue();
        given().auth().oauth2(linkWorker).contentType(ContentType.JSON).body("{\"serviceId\": \"" + serviceId + "\", \"status\": \"referred\"}")
                .when().post("/api/caseload/cases/" + caseId + "/connections").then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(linkWorker).when().get("/api/directory/services/" + serviceId).then().statusCode(200)
                        .extract().<Integer>path("capacityAvailable") == placesBefore - 1);

        // 6. follow-up measures
        measure(linkWorker, caseId, "ONS4", "follow-up", Map.of("life_satisfaction", 7, "worthwhile", 7, "happiness", 7, "anxiety", 3));
        measure(linkWorker, caseId, "SWEMWBS", "follow-up", items("swemwbs_", 7, 4));
        measure(linkWorker, caseId, "UCLA3", "follow-up", items("ucla_", 3, 1));

        // 7. closed, goals met
        String etag = given().auth().oauth2(linkWorker).when().get("/api/caseload/cases/" + caseId).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(linkWorker).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"reason\": \"goals-met\", \"summary\": \"Came to three sessions and now goes to a group.\", "
                        + "\"nextSteps\": \"Would like help with a blue badge application.\"}")
                .when().post("/api/caseload/cases/" + caseId + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));

        // 8. the GP system hears back, each message signed with its webhook's secret: accepted, then closed with the
        // sessions, the activity and, as the person agreed, the change in their measures (in the closing message, or in
        // an outcome update if a measure reached referral-service after the closure did)
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                messages(referral).stream().anyMatch(m -> "closed".equals(m.path("kind").asText()))
                        && changes(referral).stream().anyMatch(c -> "SWEMWBS".equals(c.path("instrument").asText()))
                        && changes(referral).stream().anyMatch(c -> "UCLA3".equals(c.path("instrument").asText()))
                        && changes(referral).stream().anyMatch(c -> "ONS4.anxiety".equals(c.path("instrument").asText())));
        for (Delivery delivery : received) {
            assertEquals("sha256=" + hmac(secret, delivery.timestamp() + "." + delivery.body()), delivery.signature(), "a message not signed with the secret");
        }
        List<JsonNode> messages = messages(referral);
        assertEquals("accepted", messages.get(0).path("kind").asText());
        // the acceptance says where the case went and names the link worker; every message says how to reach the service
        // (allocated at once, or waiting and then allocated when the lead assigned it)
        assertTrue(List.of("allocated", "waiting").contains(messages.get(0).path("allocation").path("status").asText()), messages.get(0).toString());
        assertTrue(messages.stream().anyMatch(m -> "allocated".equals(m.path("allocation").path("status").asText())
                && !m.path("linkWorker").asText().isBlank()), messages.toString());
        assertTrue(messages.stream().allMatch(m -> !m.path("contact").path("phone").asText().isBlank()), messages.toString());
        assertTrue(messages.stream().noneMatch(m -> "871731000000106".equals(m.path("recordAs").path("code").asText())),
                "the referral is never coded a second time");
        JsonNode closure = messages.stream().filter(m -> "closed".equals(m.path("kind").asText())).findFirst().orElseThrow().path("closure");
        assertEquals("goals-met", closure.path("reason").asText());
        assertEquals(3, closure.path("sessionsCompleted").asInt());
        assertTrue(closure.path("outcomeShared").asBoolean(), closure.toString());
        assertTrue(closure.path("activitiesConnected").findValuesAsText("serviceId").contains(serviceId), closure.toString());
        JsonNode ucla = changes(referral).stream().filter(c -> "UCLA3".equals(c.path("instrument").asText())).findFirst().orElseThrow();
        assertEquals(-6, ucla.path("change").asInt(), ucla.toString()); // 9 to 3: much less lonely
        assertEquals("better", ucla.path("direction").asText(), ucla.toString());
        assertEquals("Came to three sessions and now goes to a group.", closure.path("summary").asText());
        assertEquals("Would like help with a blue badge application.", closure.path("nextSteps").asText());
        JsonNode anxiety = changes(referral).stream().filter(c -> "ONS4.anxiety".equals(c.path("instrument").asText())).findFirst().orElseThrow();
        assertEquals("better", anxiety.path("direction").asText(), anxiety.toString()); // 8 to 3
        JsonNode swemwbs = changes(referral).stream().filter(c -> "SWEMWBS".equals(c.path("instrument").asText())).findFirst().orElseThrow();
        assertTrue(swemwbs.path("change").asDouble() > 0, swemwbs.toString());

        // 9. the commissioner's metrics count the closure: it is in the projection they are computed from, and where the
        // area's total is published (it is exact; a total that would reveal a suppressed cell is suppressed too) it is
        // one more than before
        String outcomes = LocalPlatform.database("outcomes");
        String projection = LocalPlatform.text(outcomes, "select projection from projection_generation");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> LocalPlatform.count(outcomes,
                "select count(*) from " + projection + ".case_fact where case_id = '" + caseId + "' and close_reason = 'goals-met'") == 1);
        Integer closedAfter = closuresPublished(commissioner);
        if (closedBefore != null && closedAfter != null) {
            assertEquals(closedBefore + 1, closedAfter);
        }
    }

    static Integer closuresPublished(String commissioner) {
        return given().auth().oauth2(commissioner).queryParam("by", "reason").when().get("/api/outcomes/metrics/closures")
                .then().statusCode(200).extract().path("total.values.cases_closed");
    }

    static void measure(String token, String caseId, String instrument, String timepoint, Map<String, Integer> answers) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "instrument", instrument, "timepoint", timepoint, "answers", answers))
                .when().post("/api/outcomes/measurements").then().statusCode(201);
    }

    static Map<String, Integer> items(String prefix, int count, int answer) {
        Map<String, Integer> items = new java.util.TreeMap<>();
        for (int i = 1; i <= count; i++) {
            items.put(prefix + i, answer);
        }
        return items;
    }

    /** A published community service with places free, nearest the person first, that the case is not connected to. */
    static Map<String, Object> withPlaces(String token, String caseId) {
        List<Map<String, Object>> services = given().auth().oauth2(Principal.ADMIN.token()).queryParam("size", 100)
                .when().get("/api/directory/services").then().statusCode(200).extract().path("contents");
        List<String> connected = given().auth().oauth2(token).when().get("/api/caseload/cases/" + caseId + "/connections")
                .then().statusCode(200).extract().path("serviceId");
        return services.stream().filter(s -> s.get("capacityAvailable") instanceof Number n && n.intValue() > 1)
                .filter(s -> "approved".equals(s.get("moderation")) && s.get("withdrawnAt") == null)
                .filter(s -> !connected.contains((String) s.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no service with places in the directory"));
    }

    /** The messages the GP system received about this referral, in the order they came. */
    List<JsonNode> messages(String referral) {
        return received.stream().map(d -> ApiDocument.read(d.body()))
                .filter(m -> referral.equals(m.path("referralId").asText())).toList();
    }

    /** Every outcome change the GP system was told of, from the closing message or a later outcome update. */
    List<JsonNode> changes(String referral) {
        List<JsonNode> changes = new java.util.ArrayList<>();
        for (JsonNode message : messages(referral)) {
            message.path("closure").path("outcomeChanges").forEach(changes::add);
            message.path("outcomeChanges").forEach(changes::add);
        }
        return changes;
    }

    HttpServer webhookReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/social-prescribing/messages", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Webhook-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp"), body));
            exchange.sendResponseHeaders(204, -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        });
        server.start();
        return server;
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
