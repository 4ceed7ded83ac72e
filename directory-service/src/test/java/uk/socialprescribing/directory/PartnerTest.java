package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestTokens;

/** A VCSE partner keeps its own listings right: places free in one call, "still accurate" in another; nobody else's. */
@QuarkusTest
class PartnerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    String serviceId;
    String organisationId;

    @BeforeEach
    void aDemoListing() {
        Map<String, Object> service = given().auth().oauth2(TestTokens.linkWorker("U84002")).queryParam("category", "walking")
                .when().get("/api/directory/services").then().statusCode(200).extract().path("contents[0]");
        serviceId = (String) service.get("id");
        organisationId = (String) service.get("organizationId");
    }

    static String partner(String organisation) {
        return TestTokens.vcsePartner(organisation);
    }

    String etag() {
        return given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}", serviceId).then().statusCode(200)
                .extract().header("ETag");
    }

    ValidatableResponse capacity(String token, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/directory/services/{id}/capacity", serviceId).then();
    }

    @Test
    void thePartnerSetsPlacesFreeInOneCallAndItIsAnnounced() {
        int maximum = given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}", serviceId).then()
                .extract().path("capacityMaximum");
        capacity(partner(organisationId), etag(), "{\"available\": 0}").statusCode(200)
                .body("capacityAvailable", equalTo(0)).body("capacityMaximum", equalTo(maximum));
        List<Published> events = PublishedEvents.await(kafka, "directory-events", 1, Duration.ofSeconds(30),
                p -> serviceId.equals(p.key()) && "service.capacity-changed.v1".equals(p.event().getType())
                        && p.data().get("available").asInt() == 0);
        assertEquals(1, events.size());
        assertEquals(List.of(), EventSchemas.violations(EventType.SERVICE_CAPACITY_CHANGED, events.get(0).data()));
        // the feed shows it too
        given().when().get("/oruk/services/{id}", serviceId).then().body("service_capacity.available", equalTo(0));

        capacity(partner(organisationId), etag(), "{\"available\": 3, \"maximum\": 20}").statusCode(200)
                .body("capacityAvailable", equalTo(3)).body("capacityMaximum", equalTo(20));
        capacity(partner(organisationId), etag(), "{\"available\": 30}").statusCode(400)
                .body("errors[0].field", equalTo("available")).body("errors[0].rule", equalTo("WithinMaximum"));
        capacity(partner(organisationId), etag(), "{\"available\": -1}").statusCode(400).body("errors[0].field", equalTo("available"));
        capacity(partner(organisationId), etag(), "{}").statusCode(400).body("errors[0].field", equalTo("available"));
        // a new listing's figures must agree with each other too; a cost too large to be a fee stays words only
        given().auth().oauth2(MatchTest.ADMIN).contentType(io.restassured.http.ContentType.JSON).body("""
                {"organizationId": "%s", "name": "Too Full Walk", "description": "A walk.", "category": "walking", "venue": "Hall",
                 "town": "Ripon", "postcode": "HG4 1QP", "capacityMaximum": 5, "capacityAvailable": 9}""".formatted(organisationId))
                .when().post("/api/directory/services").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("capacityAvailable")).body("errors[0].rule", equalTo("WithinMaximum"));
        given().auth().oauth2(MatchTest.ADMIN).contentType(io.restassured.http.ContentType.JSON).body("""
                {"organizationId": "%s", "name": "Dear Walk", "description": "A walk.", "category": "walking", "venue": "Hall",
                 "town": "Ripon", "postcode": "HG4 1QP", "cost": "£99999999999999"}""".formatted(organisationId))
                .when().post("/api/directory/services").then().statusCode(201);
    }

    @Test
    void aListingReadChangedAndWrittenBackKeepsEveryFieldAndAFieldLeftOutIsAnError() {
        // an 18+ group: the read gives the age limits, so writing back what was read keeps them
        String id = given().auth().oauth2(MatchTest.ADMIN).contentType(ContentType.JSON).body("""
                {"organizationId": "%s", "name": "Over-18s Social", "description": "Board games and a chat.", "category": "befriending",
                 "venue": "Hall", "town": "Ripon", "postcode": "HG4 1QP", "schedule": "Tuesdays 10:00-12:00", "minimumAge": 18, "maximumAge": 99}"""
                .formatted(organisationId)).when().post("/api/directory/services").then().statusCode(201).extract().path("id");
        var read = given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}", id).then().statusCode(200)
                .body("minimumAge", equalTo(18)).body("maximumAge", equalTo(99))
                .extract();
        Map<String, Object> listing = new java.util.LinkedHashMap<>(read.jsonPath().getMap(""));
        // every field a write takes is in the read, null where not set (but the organisation's name, which names a new one)
        for (String field : java.util.Arrays.stream(uk.socialprescribing.directory.api.ListingDraft.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).filter(name -> !name.equals("organizationName")).toList()) {
            assertTrue(listing.containsKey(field), field + " is not in " + listing.keySet());
        }
        // the partner's client changes the schedule and sends back the whole of what it read
        Map<String, Object> back = new java.util.LinkedHashMap<>(listing);
        back.put("schedule", "Thursdays 14:00-16:00");
        given().auth().oauth2(partner(organisationId)).header("If-Match", read.header("ETag")).contentType(ContentType.JSON).body(back)
                .when().put("/api/directory/services/{id}", id).then().statusCode(200)
                .body("schedule", equalTo("Thursdays 14:00-16:00")).body("minimumAge", equalTo(18)).body("maximumAge", equalTo(99));
        // left out is not "anyone": it is a 400 naming the field, and nothing changes
        back.remove("minimumAge");
        back.remove("maximumAge");
        given().auth().oauth2(partner(organisationId)).header("If-Match", etagOf(id)).contentType(ContentType.JSON).body(back)
                .when().put("/api/directory/services/{id}", id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("minimumAge", "maximumAge"))).body("errors.rule", everyItem(equalTo("Required")));
        given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}", id).then().body("minimumAge", equalTo(18));
        // null clears one, on purpose
        back.put("minimumAge", null);
        back.put("maximumAge", 99);
        given().auth().oauth2(partner(organisationId)).header("If-Match", etagOf(id)).contentType(ContentType.JSON).body(back)
                .when().put("/api/directory/services/{id}", id).then().statusCode(200).body("minimumAge", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void placesFreeAndStillAccurateAreLoggedLikeEveryOtherChange() {
        Integer before = given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}", serviceId).then()
                .extract().path("capacityAvailable");
        int next = Integer.valueOf(3).equals(before) ? 4 : 3;
        capacity(partner(organisationId), null, "{\"available\": " + next + ", \"maximum\": 50}").statusCode(200);
        given().auth().oauth2(partner(organisationId)).when().post("/api/directory/services/{id}/assure", serviceId).then().statusCode(200);
        List<Map<String, Object>> log = given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}/changes", serviceId)
                .then().statusCode(200).extract().path("contents");
        assertEquals(List.of("assured", "capacity-changed"), log.subList(0, 2).stream().map(c -> c.get("action")).toList());
        Map<?, ?> places = (Map<?, ?>) ((Map<?, ?>) log.get(1).get("changes")).get("capacityAvailable");
        assertEquals(before == null ? null : before.toString(), places.get("before"));
        assertEquals(String.valueOf(next), places.get("after"));
        assertEquals("partner-" + organisationId, log.get(0).get("changedBy"));
        // and the listing's creation is in its log too, however it was made
        assertEquals("created", log.get(log.size() - 1).get("action"));
    }

    String etagOf(String id) {
        return given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }

    @Test
    void onlyTheOrganisationThatRunsItOrAdminChangesAListingAndOnlyWithItsEtag() {
        capacity(partner(UUID.randomUUID().toString()), etag(), "{\"available\": 2}").statusCode(403).contentType("application/problem+json");
        capacity(TestTokens.linkWorker("U84002"), etag(), "{\"available\": 2}").statusCode(403);
        // places free is one call: without If-Match the latest count wins; with one, it is conditional
        capacity(partner(organisationId), null, "{\"available\": 2}").statusCode(200).body("capacityAvailable", equalTo(2));
        String stale = etag();
        capacity(TestTokens.admin(), stale, "{\"available\": 2}").statusCode(200);
        capacity(partner(organisationId), stale, "{\"available\": 1}").statusCode(412).header("ETag", equalTo(etag()));
        given().auth().oauth2(partner(organisationId)).header("If-Match", etag()).contentType(ContentType.JSON).body("{\"available\": 1}")
                .when().put("/api/directory/services/{id}/capacity", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void stillAccurateIsOneCallAndAListingUnassuredForSixMonthsIsStale() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update service set assured_date = current_date - interval '7 months' where id = :id")
                .setParameter("id", UUID.fromString(serviceId)).executeUpdate());
        given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/{id}", serviceId).then()
                .body("stale", equalTo(true));
        // on the partner's list to check, and admin's, the longest unassured first
        given().auth().oauth2(partner(organisationId)).queryParam("stale", "true").when().get("/api/directory/services/mine").then()
                .statusCode(200).body("contents.id", org.hamcrest.Matchers.hasItem(serviceId))
                .body("contents.stale", org.hamcrest.Matchers.everyItem(equalTo(true)));
        // every page of the list (the test database keeps earlier runs' listings)
        List<Map<String, Object>> stale = new java.util.ArrayList<>();
        for (int page = 1, pages = 1; page <= pages; page++) {
            var answer = given().auth().oauth2(TestTokens.admin()).queryParam("size", 200)
                    .queryParam("page", page).when().get("/api/directory/services/stale").then().statusCode(200).extract().jsonPath();
            stale.addAll(answer.getList("contents"));
            pages = answer.getInt("totalPages");
        }
        assertTrue(stale.stream().anyMatch(l -> serviceId.equals(l.get("id"))));
        List<String> dates = stale.stream().map(l -> (String) l.get("assuredDate")).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
        given().auth().oauth2(partner(organisationId)).when().get("/api/directory/services/stale").then().statusCode(403);
        given().auth().oauth2(partner(organisationId)).header("If-Match", etag()).when().post("/api/directory/services/{id}/assure", serviceId)
                .then().statusCode(200).body("stale", equalTo(false))
                .body("assuredDate", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        given().when().get("/oruk/services/{id}", serviceId).then().body("assured_date", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        given().auth().oauth2(partner(UUID.randomUUID().toString())).header("If-Match", etag()).when()
                .post("/api/directory/services/{id}/assure", serviceId).then().statusCode(403);
    }

    @Test
    void aListingStatesItsLanguagesAccessAndContactInCodesThatAreChecked() {
        String organisation = UUID.randomUUID().toString();
        String body = """
                {"organizationName": "Codes Trust", "name": "Codes Choir", "description": "We sing.", "category": "singing-and-music",
                 "venue": "Codes Hall", "town": "Ripon", "postcode": "HG4 1QP", "languages": [%s], "accessibility": [%s],
                 "contact": {"name": "Ruth Barker", "email": "%s", "phone": "01632 960111"}}""";
        given().auth().oauth2(partner(organisation)).contentType(ContentType.JSON)
                .body(body.formatted("\"en\", \"Polish\", \"bfi\"", "\"hearing-loop\", \"Step-free access\"", "choir@example.org"))
                .when().post("/api/directory/services").then().statusCode(201)
                .body("languages", equalTo(List.of("en", "pl", "bfi"))).body("accessibility", equalTo(List.of("hearing-loop", "step-free-access")))
                .body("contact.email", equalTo("choir@example.org"));
        Map<String, String> bad = Map.of(
                body.formatted("\"en\", \"klingon\"", "", "choir@example.org"), "languages[1]",
                body.formatted("\"en\"", "\"jacuzzi\"", "choir@example.org"), "accessibility[0]",
                body.formatted("\"en\"", "", "not-an-email"), "contact.email");
        bad.forEach((request, field) -> given().auth().oauth2(partner(organisation)).contentType(ContentType.JSON).body(request)
                .when().post("/api/directory/services").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
    }
}
