package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.socialprescribing.events.EventData;
import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.ConnectionUpdated;
import uk.socialprescribing.testing.TestEvents;

/**
 * A service's uptake, from caseload's connection events on the real broker: its partner and admin see how many
 * people were referred, attend, completed, declined and why; nobody else does; an event delivered twice counts once.
 */
@QuarkusTest
class UptakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    final String organisation = UUID.randomUUID().toString();
    String serviceId;

    @BeforeEach
    void aPartnersListing() {
        String id = given().auth().oauth2(MatchTest.ADMIN).contentType(ContentType.JSON).body("""
                {"organizationId": "%s", "organizationName": "Uptake Trust %s", "name": "Uptake Walk", "description": "A walk.",
                 "category": "walking", "venue": "Uptake Hall", "town": "Ripon", "postcode": "HG4 1QP"}""".formatted(organisation, organisation))
                .when().post("/api/directory/services").then().statusCode(201).extract().path("id");
        serviceId = id;
    }

    CloudEvent send(EventData data) {
        CloudEvent event = TestEvents.cloudEvent("caseload-service", data);
        TestEvents.publish(kafka, event);
        return event;
    }

    Map<String, Object> uptake(String token) {
        return given().auth().oauth2(token).when().get("/api/directory/services/{id}/uptake", serviceId).then().statusCode(200).extract()
                .jsonPath().getMap("");
    }

    @Test
    void connectionsBecomeTheServicesUptakeOnce() {
        UUID service = UUID.fromString(serviceId);
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        // a: suggested, referred, attending, completed; b: referred then dropped out; c: declined at once for no space;
        // d: suggested and no further
        send(new ConnectionMade(UUID.randomUUID(), a, service, "U84002", "walking", "suggested", null, t));
        send(new ConnectionUpdated(UUID.randomUUID(), a, service, "U84002", "walking", "referred", null, t.plusSeconds(60)));
        send(new ConnectionUpdated(UUID.randomUUID(), a, service, "U84002", "walking", "attending", null, t.plusSeconds(120)));
        CloudEvent completed = send(new ConnectionUpdated(UUID.randomUUID(), a, service, "U84002", "walking", "completed", null, t.plusSeconds(180)));
        send(new ConnectionMade(UUID.randomUUID(), b, service, "U84002", "walking", "referred", null, t));
        send(new ConnectionUpdated(UUID.randomUUID(), b, service, "U84002", "walking", "dropped-out", "timing", t.plusSeconds(60)));
        CloudEvent declined = send(new ConnectionMade(UUID.randomUUID(), c, service, "U84002", "walking", "declined", "no-space", t));
        send(new ConnectionMade(UUID.randomUUID(), d, service, "U84002", "walking", "suggested", null, t));
        // delivered twice (the same event id): counted once
        TestEvents.publish(kafka, declined);
        TestEvents.publish(kafka, completed);
        String partner = PartnerTest.partner(organisation);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> figures = uptake(partner);
            assertEquals(List.of(1, 2, 0, 1, 1, 1), List.of(figures.get("suggested"), figures.get("referralsReceived"), figures.get("attending"),
                    figures.get("completed"), figures.get("declined"), figures.get("droppedOut")), figures.toString());
        });
        Map<String, Object> figures = uptake(MatchTest.ADMIN);
        assertEquals(Map.of("no-space", 1), figures.get("declinedBecause"));
        assertEquals(Map.of("timing", 1), figures.get("droppedOutBecause"));
        given().auth().oauth2(partner).when().get("/api/directory/services/uptake").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("contents[0].referralsReceived", equalTo(2));
        given().auth().oauth2(MatchTest.ADMIN).queryParam("organizationId", organisation).when().get("/api/directory/services/uptake").then()
                .statusCode(200).body("contents[0].serviceId", equalTo(serviceId));
    }

    @Test
    void aConnectionReferredOrAttendingHoldsAPlaceUntilItEnds() {
        String id = given().auth().oauth2(MatchTest.ADMIN).contentType(ContentType.JSON).body("""
                {"organizationId": "%s", "name": "Places Walk", "description": "A walk with places.", "category": "walking",
                 "venue": "Uptake Hall", "town": "Ripon", "postcode": "HG4 1QP", "capacityMaximum": 6, "capacityAvailable": 5}"""
                .formatted(organisation)).when().post("/api/directory/services").then().statusCode(201).extract().path("id");
        UUID service = UUID.fromString(id);
        Instant t = Instant.parse("2026-11-02T10:00:00Z");
        UUID e = UUID.randomUUID();
        UUID f = UUID.randomUUID();
        UUID g = UUID.randomUUID();
        // e: referred (takes one: 4), then completed (gives it back: 5); f: suggested (none), then attending (takes one:
        // 4); g: declined at once (none); f's move delivered again, and an older move of e out of order: nothing
        send(new ConnectionMade(UUID.randomUUID(), e, service, "U84002", "walking", "referred", null, t));
        send(new ConnectionUpdated(UUID.randomUUID(), e, service, "U84002", "walking", "completed", null, t.plusSeconds(120)));
        send(new ConnectionMade(UUID.randomUUID(), f, service, "U84002", "walking", "suggested", null, t));
        CloudEvent attending = send(new ConnectionUpdated(UUID.randomUUID(), f, service, "U84002", "walking", "attending", null, t.plusSeconds(60)));
        send(new ConnectionMade(UUID.randomUUID(), g, service, "U84002", "walking", "declined", "timing", t));
        TestEvents.publish(kafka, attending);
        send(new ConnectionUpdated(UUID.randomUUID(), e, service, "U84002", "walking", "attending", null, t.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(MatchTest.ADMIN).when()
                .get("/api/directory/services/{id}/uptake", id).then().statusCode(200)
                .body("completed", equalTo(1)).body("attending", equalTo(1)).body("declined", equalTo(1)));
        given().auth().oauth2(MatchTest.ADMIN).when().get("/api/directory/services/{id}", id).then().statusCode(200)
                .body("capacityAvailable", equalTo(4)).body("capacityMaximum", equalTo(6));
        // announced, so that caseload's copy and the open feed follow
        // (the listing's own announcement, then one per place taken or given back: three, in whichever order e's and f's
        // partitions were read, ending at 4; waiting for a fifth shows there is none)
        List<Integer> announced = uk.socialprescribing.testing.PublishedEvents.await(kafka, "directory-events", 5, Duration.ofSeconds(10),
                p -> id.equals(p.key()) && "service.capacity-changed.v1".equals(p.event().getType()))
                .stream().collect(java.util.stream.Collectors.toMap(p -> p.event().getId(), p -> p.data().get("available").asInt(),
                        (first, again) -> first, java.util.LinkedHashMap::new)) // the relay is at least once: one per event id
                .values().stream().toList();
        assertEquals(4, announced.size(), announced.toString());
        assertEquals(5, announced.get(0), announced.toString());
        assertEquals(4, announced.get(3), announced.toString());
    }

    @Test
    void onlyItsOrganisationAndAdminSeeIt() {
        String other = PartnerTest.partner(UUID.randomUUID().toString());
        given().auth().oauth2(other).when().get("/api/directory/services/{id}/uptake", serviceId).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(other).queryParam("organizationId", organisation).when().get("/api/directory/services/uptake").then()
                .statusCode(403);
        given().auth().oauth2(uk.socialprescribing.testing.TestTokens.linkWorker("U84002")).when()
                .get("/api/directory/services/{id}/uptake", serviceId).then().statusCode(403);
        given().auth().oauth2(MatchTest.ADMIN).queryParam("organizationId", "nope").when().get("/api/directory/services/uptake").then()
                .statusCode(400).body("errors[0].field", equalTo("organizationId"));
        // a service nobody was connected to yet: zeros
        assertEquals(0, uptake(PartnerTest.partner(organisation)).get("referralsReceived"));
    }
}
