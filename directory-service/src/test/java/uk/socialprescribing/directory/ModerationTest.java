package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestTokens;

/** Partners list, change and withdraw their own services; admin approves new ones; every change is logged and announced. */
@QuarkusTest
class ModerationTest {

    static final String ADMIN = TestTokens.admin();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    final String organisation = UUID.randomUUID().toString();
    final String partner = PartnerTest.partner(organisation);

    String draft(String name, String schedule, String cost) {
        return """
                {"organizationName": "Walkers' Trust %s", "name": "%s", "description": "An easy walk along the Nidd, then tea.",
                 "category": "walking", "venue": "Knaresborough Library", "town": "Knaresborough", "postcode": "hg5 8ah",
                 "schedule": "%s", "cost": "%s", "capacityMaximum": 15, "capacityAvailable": 6, "minimumAge": 18, "maximumAge": null,
                 "languages": ["en"], "accessibility": [], "contact": null}"""
                .formatted(organisation, name, schedule, cost);
    }

    String submit(String name) {
        return given().auth().oauth2(partner).contentType(ContentType.JSON).body(draft(name, "Tuesdays 10:30-12:00", "Free"))
                .when().post("/api/directory/services").then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("moderation", equalTo("pending")).body("postcode", equalTo("HG5 8AH")).extract().path("id");
    }

    String etag(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/directory/services/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    ValidatableResponse post(String token, String id, String action, String ifMatch, String body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/directory/services/{id}/" + action, id).then();
    }

    @Test
    void aPartnersNewListingWaitsForApprovalThenGoesPublicAndIsAnnounced() {
        String id = submit("Nidd Riverside Walk " + organisation);
        given().when().get("/oruk/services/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/directory/services/{id}", id).then().statusCode(404);
        given().auth().oauth2(PartnerTest.partner(UUID.randomUUID().toString())).when().get("/api/directory/services/{id}", id).then().statusCode(404);
        given().auth().oauth2(ADMIN).when().get("/api/directory/services/pending").then().statusCode(200).body("contents.id", hasItem(id));
        given().auth().oauth2(partner).when().get("/api/directory/services/mine").then().statusCode(200).body("contents.id", equalTo(List.of(id)));

        post(partner, id, "approve", "\"0\"", null).statusCode(403);
        post(ADMIN, id, "approve", null, null).statusCode(428);
        post(ADMIN, id, "approve", "\"0\"", null).statusCode(200).body("moderation", equalTo("approved"));
        post(ADMIN, id, "approve", etag(ADMIN, id), null).statusCode(409).body("type", equalTo("urn:social-prescribing:problem:listing-state"));
        given().when().get("/oruk/services/{id}", id).then().statusCode(200).body("schedules[0].byday", equalTo("TU"))
                .body("cost_options[0].amount", equalTo(0.0f));
        given().auth().oauth2(ADMIN).when().get("/api/directory/services/pending").then().body("contents.id", not(hasItem(id)));

        List<Published> events = PublishedEvents.await(kafka, "directory-events", 2, Duration.ofSeconds(30), p -> id.equals(p.key()));
        assertEquals(List.of("service.published.v1", "service.capacity-changed.v1"), events.stream().map(p -> p.event().getType()).toList());
        assertEquals(List.of(), EventSchemas.violations(EventType.SERVICE_PUBLISHED, events.get(0).data()));
        assertEquals(organisation, events.get(0).data().get("organisationId").asText());
    }

    @Test
    void anApprovedListingChangesAtOnceEveryChangeIsLoggedAndWithdrawingTakesItOut() {
        String id = submit("Gorge Walk " + organisation);
        post(ADMIN, id, "approve", "\"0\"", null).statusCode(200);

        given().auth().oauth2(partner).contentType(ContentType.JSON).body(draft("Gorge Walk " + organisation, "Fridays 14:00-15:30", "£2 a session"))
                .when().put("/api/directory/services/{id}", id).then().statusCode(428);
        given().auth().oauth2(PartnerTest.partner(UUID.randomUUID().toString())).contentType(ContentType.JSON).header("If-Match", etag(partner, id))
                .body(draft("Taken over", "Fridays 14:00-15:30", "Free")).when().put("/api/directory/services/{id}", id).then().statusCode(403);
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("If-Match", etag(partner, id))
                .body(draft("Gorge Walk " + organisation, "Fridays 14:00-15:30", "£2 a session")).when().put("/api/directory/services/{id}", id)
                .then().statusCode(200).body("schedule", equalTo("Fridays 14:00-15:30"));
        given().when().get("/oruk/services/{id}", id).then().statusCode(200)
                .body("schedules.byday", equalTo(List.of("FR"))).body("cost_options[0].amount", equalTo(2.0f));

        List<Map<String, Object>> log = given().auth().oauth2(partner).when().get("/api/directory/services/{id}/changes", id).then().statusCode(200)
                .extract().path("contents");
        assertEquals(List.of("updated", "approved", "created"), log.stream().map(c -> c.get("action")).toList());
        assertEquals(Map.of("schedule", Map.of("before", "Tuesdays 10:30-12:00", "after", "Fridays 14:00-15:30"),
                "cost", Map.of("before", "Free", "after", "£2 a session")), log.get(0).get("changes"));
        assertEquals("partner-" + organisation, log.get(0).get("changedBy"));
        given().auth().oauth2(PartnerTest.partner(UUID.randomUUID().toString())).when().get("/api/directory/services/{id}/changes", id)
                .then().statusCode(403);

        post(partner, id, "withdraw", etag(partner, id), "{\"reason\": \"funding-ended\"}").statusCode(200)
                .body("withdrawnAt", org.hamcrest.Matchers.notNullValue());
        given().when().get("/oruk/services/{id}", id).then().statusCode(404);
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("If-Match", etag(partner, id))
                .body(draft("Back again", "Fridays 14:00-15:30", "Free")).when().put("/api/directory/services/{id}", id).then().statusCode(409);

        List<Published> events = PublishedEvents.await(kafka, "directory-events", 4, Duration.ofSeconds(30), p -> id.equals(p.key()));
        List<String> types = events.stream().map(p -> p.event().getType()).toList();
        assertTrue(types.containsAll(List.of("service.published.v1", "service.updated.v1", "service.withdrawn.v1")), types.toString());
        for (Published p : events) {
            assertEquals(List.of(), EventSchemas.violations(EventType.fromCloudEventType(p.event().getType()).orElseThrow(), p.data()));
        }
    }

    @Test
    void adminCanTurnANewListingDownAndThePartnerSeesWhy() {
        String id = submit("Not Really a Walk " + organisation);
        post(ADMIN, id, "reject", "\"0\"", "{\"reason\": \"A commercial gym; not a community service\"}").statusCode(200);
        given().auth().oauth2(partner).when().get("/api/directory/services/{id}", id).then().statusCode(200)
                .body("moderation", equalTo("rejected")).body("moderationNote", equalTo("A commercial gym; not a community service"));
        post(ADMIN, id, "approve", etag(ADMIN, id), null).statusCode(409);
        given().when().get("/oruk/services/{id}", id).then().statusCode(404);
    }

    @Test
    void aListingThatBreaksARuleIsRefusedNamingTheField() {
        given().auth().oauth2(PartnerTest.partner(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(draft("x", "Tuesdays 10:30-12:00", "Free").replace("\"organizationName\": \"Walkers' Trust " + organisation + "\", ", ""))
                .when().post("/api/directory/services").then().statusCode(400).body("errors[0].field", equalTo("organizationName"));
        // a new organisation may not take the name of one the directory has
        submit("First " + organisation);
        given().auth().oauth2(PartnerTest.partner(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(draft("Second", "Tuesdays 10:30-12:00", "Free")).when().post("/api/directory/services").then().statusCode(409)
                .body("errors[0].field", equalTo("organizationName")).body("errors[0].rule", equalTo("UniqueName"));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(draft("x", "Tuesdays 10:30-12:00", "Free").replace("walking", "astrology"))
                .when().post("/api/directory/services").then().statusCode(400).body("errors[0].field", equalTo("category"))
                .body("errors[0].rule", equalTo("TaxonomyTerm"));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(draft("x", "Tuesdays 10:30-12:00", "Free").replace("hg5 8ah", "nowhere"))
                .when().post("/api/directory/services").then().statusCode(400).body("errors[0].field", equalTo("postcode"));
        given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON).body(draft("x", "Tuesdays 10:30-12:00", "Free"))
                .when().post("/api/directory/services").then().statusCode(403);
    }
}
