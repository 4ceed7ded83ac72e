package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.socialprescribing.caseload.Caseloads.PCN;
import static uk.socialprescribing.caseload.Caseloads.addLinkWorker;
import static uk.socialprescribing.caseload.Caseloads.admin;
import static uk.socialprescribing.caseload.Caseloads.lead;
import static uk.socialprescribing.caseload.CaseWorkTest.etag;
import static uk.socialprescribing.caseload.CaseWorkTest.workerToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.events.EventData;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.directory.ServiceCapacityChanged;
import uk.socialprescribing.events.directory.ServicePublished;
import uk.socialprescribing.events.directory.ServiceWithdrawn;
import uk.socialprescribing.events.referral.ConsentChanged;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

/**
 * Connections to community services: checked against the event-fed copy of the directory, moved through their states
 * with coded reasons, announced, and named in the case's closure.
 */
@QuarkusTest
class ConnectionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseOpening caseOpening;

    String worker;
    String caseId;

    @BeforeEach
    void aCaseWithItsLinkWorker() {
        Caseloads.emptyThePcn(entityManager);
        worker = "connections-" + UUID.randomUUID();
        addLinkWorker(admin(), worker, List.of("en"), 5, 225);
        caseId = Caseloads.openCase(caseOpening, "routine");
    }

    /** A service published by the directory, once this service's copy has it. */
    UUID published(String name, String... categories) {
        UUID service = UUID.randomUUID();
        publish(new ServicePublished(service, UUID.randomUUID(), name, List.of(categories), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from directory_service where id = :id and organisation_id is not null")
                        .setParameter("id", service).getSingleResult()).intValue()) == 1);
        return service;
    }

    void publish(EventData data) {
        TestEvents.publish(kafka, TestEvents.cloudEvent("directory-service", data));
    }

    ValidatableResponse connect(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/caseload/cases/{id}/connections", caseId).then();
    }

    ValidatableResponse move(String token, String connection, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/caseload/cases/{id}/connections/{c}/status", caseId, connection).then();
    }

    /** referral-service tells the person's consents; once this service holds them. */
    void consentsHeard(String referral, Instant at, ConsentChanged.Purpose... purposes) {
        TestEvents.publish(kafka, TestEvents.cloudEvent("referral-service", new ConsentChanged(UUID.fromString(referral), List.of(purposes), at)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from referral_consent where referral_id = :id and changed_at = :at")
                        .setParameter("id", UUID.fromString(referral)).setParameter("at", at.atOffset(java.time.ZoneOffset.UTC))
                        .getSingleResult()).intValue()) == purposes.length);
    }

    @Test
    void contactDetailsGoToAProviderOnlyWhileThePersonsConsentToThatHolds() {
        UUID befriend = published("Harrogate Befrienders", "befriending");
        UUID walk = published("Nidd Gorge Walkers", "walking");
        String token = workerToken(worker);
        String referral = given().auth().oauth2(token).when().get("/api/caseload/cases/{id}", caseId).then().statusCode(200)
                .extract().path("referralId");
        String sharing = "{\"serviceId\": \"%s\", \"status\": \"referred\", \"shareContactDetails\": true}";
        // nothing heard of the person's consent: it counts as not given
        connect(token, sharing.formatted(befriend)).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:consent-required"))
                .body("errors[0].field", equalTo("shareContactDetails")).body("errors[0].rule", equalTo("ProviderConsent"));
        // contact details go only with a referral
        connect(token, "{\"serviceId\": \"" + befriend + "\", \"shareContactDetails\": true}").statusCode(400)
                .body("errors[0].rule", equalTo("OnlyWhenReferred"));

        Instant given = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        consentsHeard(referral, given, new ConsentChanged.Purpose("referral", "given", null),
                new ConsentChanged.Purpose("share-contact-with-provider", "given", java.time.LocalDate.now().plusMonths(6)));
        connect(token, sharing.formatted(befriend)).statusCode(201).body("contactShared", equalTo(true)).body("status", equalTo("referred"));
        given().auth().oauth2(token).when().get("/api/caseload/cases/{id}", caseId).then().body("flags", not(hasItem("consent-review-due")));

        // past its review date, the consent counts as not given, and the case says it needs reviewing
        consentsHeard(referral, given.plusSeconds(60), new ConsentChanged.Purpose("referral", "given", null),
                new ConsentChanged.Purpose("share-contact-with-provider", "given", java.time.LocalDate.now().minusDays(1)));
        connect(token, sharing.formatted(walk)).statusCode(409).body("errors[0].rule", equalTo("ProviderConsent"));
        given().auth().oauth2(token).when().get("/api/caseload/cases/{id}", caseId).then().body("flags", hasItem("consent-review-due"));
        given().auth().oauth2(lead(PCN)).queryParam("flag", "consent-review-due").when().get("/api/caseload/cases").then().statusCode(200)
                .body("contents.id", hasItem(caseId));
        // without sharing, the link worker introduces the person: the connection is made
        String id = connect(token, "{\"serviceId\": \"" + walk + "\", \"status\": \"suggested\"}").statusCode(201)
                .body("contactShared", equalTo(false)).extract().path("id");
        move(token, id, "\"0\"", "{\"status\": \"referred\", \"shareContactDetails\": true}").statusCode(409)
                .body("errors[0].field", equalTo("shareContactDetails"));
        move(token, id, "\"0\"", "{\"status\": \"referred\"}").statusCode(200).body("contactShared", equalTo(false));
    }

    @Test
    void aConnectionGoesFromSuggestedToCompletedAndEachStepIsAnnounced() {
        UUID walk = published("Nidd Gorge Walkers", "walking", "sport-and-exercise");
        String id = connect(workerToken(worker), "{\"serviceId\": \"" + walk + "\", \"note\": \"Likes the idea\"}")
                .statusCode(201).header("ETag", equalTo("\"0\"")).header("Location", org.hamcrest.Matchers.containsString("/api/caseload/cases/" + caseId + "/connections/"))
                .body("status", equalTo("suggested")).body("category", equalTo("walking"))
                .body("serviceName", equalTo("Nidd Gorge Walkers")).extract().path("id");
        move(workerToken(worker), id, "\"0\"", "{\"status\": \"referred\"}").statusCode(200).header("ETag", equalTo("\"1\""));
        // a listed connection says what to send in If-Match to move it on
        String listed = given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/connections", caseId).then()
                .statusCode(200).body("[0].id", equalTo(id)).extract().path("[0].etag");
        assertEquals("\"1\"", listed);
        move(workerToken(worker), id, listed, "{\"status\": \"attending\"}").statusCode(200);
        move(lead(PCN), id, "\"2\"", "{\"status\": \"completed\"}").statusCode(200).body("status", equalTo("completed"));

        List<Published> events = PublishedEvents.await(kafka, "caseload-events", 4, Duration.ofSeconds(30),
                p -> caseId.equals(p.key()) && p.event().getType().startsWith("connection."));
        assertEquals(List.of("connection.made.v1", "connection.updated.v1", "connection.updated.v1", "connection.updated.v1"),
                events.stream().map(p -> p.event().getType()).toList());
        assertEquals(List.of(), EventSchemas.violations(EventType.CONNECTION_MADE, events.get(0).data()));
        JsonNode made = events.get(0).data();
        assertEquals(PCN, made.get("pcnCode").asText());
        assertEquals("walking", made.get("category").asText());
        assertEquals("suggested", made.get("status").asText());
        for (Published updated : events.subList(1, 4)) {
            assertEquals(List.of(), EventSchemas.violations(EventType.CONNECTION_UPDATED, updated.data()));
        }
        assertEquals(List.of("referred", "attending", "completed"),
                events.subList(1, 4).stream().map(p -> p.data().get("status").asText()).toList());
    }

    @Test
    void unmetNeedIsADeclineWithItsCodedReasonAndTheReasonRulesAreEnforced() {
        UUID choir = published("Pateley Bridge Community Choir", "singing-and-music");
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"status\": \"declined\"}")
                .statusCode(400).body("errors[0].field", equalTo("reason")).body("errors[0].rule", equalTo("ReasonRequired"));
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"status\": \"referred\", \"reason\": \"no-space\"}")
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"status\": \"declined\", \"reason\": \"other\"}")
                .statusCode(400).body("errors[0].field", equalTo("note"));
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"status\": \"completed\"}")
                .statusCode(400).body("errors[0].field", equalTo("status"));
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"status\": \"declined\", \"reason\": \"too-busy\"}")
                .statusCode(400);
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"category\": \"gardening\"}")
                .statusCode(400).body("errors[0].field", equalTo("category"));
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"status\": \"declined\", \"reason\": \"no-space\"}")
                .statusCode(201).body("reason", equalTo("no-space"));

        UUID garden = published("Harlow Carr Green Gym", "gardening");
        String id = connect(workerToken(worker), "{\"serviceId\": \"" + garden + "\", \"status\": \"referred\"}").statusCode(201).extract().path("id");
        move(workerToken(worker), id, "\"0\"", "{\"status\": \"declined\"}").statusCode(400).body("errors[0].field", equalTo("reason"));
        move(workerToken(worker), id, "\"0\"", "{\"status\": \"completed\"}").statusCode(409)
                .body("type", equalTo("urn:social-prescribing:problem:connection-transition")).body("detail", org.hamcrest.Matchers.containsString("referred"));
        move(workerToken(worker), id, null, "{\"status\": \"attending\"}").statusCode(428);
        move(workerToken(worker), id, "\"5\"", "{\"status\": \"attending\"}").statusCode(412).header("ETag", equalTo("\"0\""));
        move(workerToken(worker), id, "\"0\"", "{\"status\": \"declined\", \"reason\": \"nothing-suitable-nearby\", \"note\": \"Two buses away\"}")
                .statusCode(200).body("reason", equalTo("nothing-suitable-nearby"));
        move(workerToken(worker), id, "\"1\"", "{\"status\": \"attending\"}").statusCode(409);

        List<Published> events = PublishedEvents.await(kafka, "caseload-events", 3, Duration.ofSeconds(30),
                p -> caseId.equals(p.key()) && p.event().getType().startsWith("connection."));
        assertEquals("no-space", events.get(0).data().get("reason").asText());
        assertEquals("singing-and-music", events.get(0).data().get("category").asText());
        assertEquals("nothing-suitable-nearby", events.get(2).data().get("reason").asText());
        assertEquals(List.of(), EventSchemas.violations(EventType.CONNECTION_UPDATED, events.get(2).data()));
    }

    @Test
    void aWithdrawnOrUnknownServiceIsRefusedAndLiveCapacityIsShown() {
        UUID art = published("Knaresborough Art Club", "arts-and-crafts");
        publish(new ServiceCapacityChanged(art, 3, 12, "place", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("select available from directory_service where id = :id").setParameter("id", art)
                        .getSingleResult()) != null);
        String id = connect(workerToken(worker), "{\"serviceId\": \"" + art + "\"}").statusCode(201)
                .body("placesAvailable", equalTo(3)).extract().path("id");
        connect(workerToken(worker), "{\"serviceId\": \"" + art + "\"}").statusCode(409)
                .body("type", equalTo("urn:social-prescribing:problem:connection-exists"));

        publish(new ServiceWithdrawn(art, "funding-ended", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("select withdrawn_at from directory_service where id = :id").setParameter("id", art)
                        .getSingleResult()) != null);
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/connections/{c}", caseId, id).then()
                .statusCode(200).body("serviceWithdrawnAt", org.hamcrest.Matchers.notNullValue());
        move(workerToken(worker), id, "\"0\"", "{\"status\": \"declined\", \"reason\": \"service-withdrawn\"}").statusCode(200);
        connect(workerToken(worker), "{\"serviceId\": \"" + art + "\"}").statusCode(409)
                .body("type", equalTo("urn:social-prescribing:problem:service-withdrawn")).body("errors[0].field", equalTo("serviceId"));
        connect(workerToken(worker), "{\"serviceId\": \"" + UUID.randomUUID() + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("serviceId")).body("errors[0].rule", equalTo("KnownService"));
        // a service the directory published without a category cannot be matched to one
        UUID bare = published("Uncategorised Club");
        connect(workerToken(worker), "{\"serviceId\": \"" + bare + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }

    @Test
    void theCaseClosureNamesWhatThePersonWasConnectedTo() {
        UUID walk = published("Valley Gardens Strollers", "walking");
        UUID choir = published("Starbeck Singers", "singing-and-music");
        String attending = connect(workerToken(worker), "{\"serviceId\": \"" + walk + "\", \"status\": \"attending\"}")
                .statusCode(201).extract().path("id");
        connect(workerToken(worker), "{\"serviceId\": \"" + choir + "\", \"status\": \"declined\", \"reason\": \"no-space\"}").statusCode(201);
        given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON).header("If-Match", etag(caseId))
                .body("{\"reason\": \"goals-met\"}").when().post("/api/caseload/cases/{id}/close", caseId).then().statusCode(200);
        List<Published> closed = PublishedEvents.await(kafka, "caseload-events", 1, Duration.ofSeconds(30),
                p -> caseId.equals(p.key()) && "case.closed.v1".equals(p.event().getType()));
        assertEquals(List.of(), EventSchemas.violations(EventType.CASE_CLOSED, closed.get(0).data()));
        JsonNode activities = closed.get(0).data().get("activitiesConnected");
        assertEquals(1, activities.size(), activities.toString());
        assertEquals(walk.toString(), activities.get(0).get("serviceId").asText());
        assertEquals("Valley Gardens Strollers", activities.get(0).get("name").asText());
        assertEquals("attending", activities.get(0).get("status").asText());
        // a closed case takes no new connections and no moves
        move(workerToken(worker), attending, "\"0\"", "{\"status\": \"completed\"}").statusCode(409)
                .body("type", equalTo("urn:social-prescribing:problem:case-closed"));
    }

    @Test
    void notesAreForTheCasesWorkersAndOnlyTheyMakeConnections() {
        UUID befriend = published("Harrogate Befrienders", "befriending");
        connect(workerToken(worker), "{\"serviceId\": \"" + befriend + "\", \"note\": \"Prefers a woman volunteer\"}").statusCode(201);
        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/cases/{id}/connections", caseId).then().statusCode(200)
                .body("", hasSize(1)).body("[0].note", equalTo("Prefers a woman volunteer"));
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}/connections", caseId).then().statusCode(200)
                .body("[0].note", nullValue()).body("[0].serviceName", equalTo("Harrogate Befrienders"));
        // the lead's read of the notes is audited; admin's, which showed none, is not (only admin's read of the audit itself)
        given().auth().oauth2(admin()).queryParam("subjectId", caseId).when().get("/api/caseload/audit").then().statusCode(200)
                .body("contents.purpose", equalTo(List.of("audit-log", "connection-notes")))
                .body("contents.readBy[1]", equalTo("lead-" + PCN));
        connect(admin(), "{\"serviceId\": \"" + befriend + "\"}").statusCode(403);
        String other = "other-" + UUID.randomUUID();
        addLinkWorker(admin(), other, List.of("en"), 5, 225);
        connect(workerToken(other), "{\"serviceId\": \"" + befriend + "\"}").statusCode(404);
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/caseload/cases/{id}/connections", caseId).then().statusCode(403);
    }
}
