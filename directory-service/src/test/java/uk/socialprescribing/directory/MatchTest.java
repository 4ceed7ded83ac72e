package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.socialprescribing.testing.TestTokens;

/**
 * Matching on a hand-built fixture: five bereavement groups that differ in one way each from the best, a person at
 * HG4 1AA who is free on Mondays. The expected order is worked out below from the published weights.
 */
@QuarkusTest
class MatchTest {

    static final String ADMIN = TestTokens.admin();

    @Inject
    EntityManager entityManager;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    String row(String name, String postcode, String schedule, String cost, int available) {
        return "Match Fixture %s,%s %s,A group for people who have lost someone close.,bereavement-support,Hall,Ripon,%s,%s,%s,10,%d\n"
                .formatted(tag, name, tag, postcode, schedule, cost, available);
    }

    @BeforeEach
    void theFixture() {
        String csv = "organisation,name,description,category,venue,town,postcode,schedule,cost,capacity_maximum,capacity_available\n"
                // the person lives at HG4 1AA; distances are between the reference data's points (src/main/resources/reference),
                // and nearness is 1 - km / 10, never below 0
                // A: everything fits, at the person's postcode   interest 1, near 1, Monday 1, space 1 -> 0.4 + 0.3 + 0.2 + 0.1 = 1.0
                + row("A", "HG4 1AA", "Mondays 10:00-11:00", "Free", 5)
                // B: 3.28 km away in Ripon (and not free)        1, 0.672, 1, 1 -> 0.4 + 0.2016 + 0.2 + 0.1 = 0.90
                + row("B", "HG4 1EW", "Mondays 10:00-11:00", "£3 a session", 5)
                // C: meets on Fridays only                       1, 1, 0, 1 -> 0.4 + 0.3 + 0 + 0.1 = 0.8 (and stale, below)
                + row("C", "HG4 1AA", "Fridays 10:00-11:00", "Free", 5)
                // D: full                                        1, 1, 1, 0 -> 0.9, but after every service with space
                + row("D", "HG4 1AA", "Mondays 10:00-11:00", "Free", 0)
                // E: 12.16 km away in Boroughbridge              1, 0, 1, 1 -> 0.4 + 0 + 0.2 + 0.1 = 0.7
                + row("E", "YO51 9AA", "Mondays 10:00-11:00", "Free", 5)
                // F: would fit, but unconfirmed for over a year: left out
                + row("F", "HG4 1AA", "Mondays 10:00-11:00", "Free", 5);
        given().auth().oauth2(ADMIN).contentType("text/csv").body(csv).when().post("/api/directory/import").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update service set assured_date = current_date - interval '8 months' where name = :name")
                    .setParameter("name", "C " + tag).executeUpdate();
            entityManager.createNativeQuery("update service set assured_date = current_date - interval '13 months' where name = :name")
                    .setParameter("name", "F " + tag).executeUpdate();
        });
    }

    List<Map<String, Object>> fixtureResults(String request) {
        List<Map<String, Object>> results = given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON).body(request)
                .when().post("/api/directory/match").then().statusCode(200).extract().path("results");
        return results.stream().filter(r -> ((String) r.get("name")).endsWith(" " + tag)).toList();
    }

    /** JSON numbers arrive as floats: compared to two places. */
    static double twoPlaces(Object number) {
        return Math.round(((Number) number).doubleValue() * 100) / 100.0;
    }

    static List<String> names(List<Map<String, Object>> results) {
        return results.stream().map(r -> ((String) r.get("name")).substring(0, 1)).toList();
    }

    @Test
    void theOrderFollowsTheWeightsAndFullServicesComeLast() {
        List<Map<String, Object>> results = fixtureResults("""
                {"interests": ["bereavement-support"], "postcode": "HG4 1AA", "days": ["MO"], "limit": 100}""");
        assertEquals(List.of("A", "B", "C", "E", "D"), names(results));
        assertEquals(List.of(1.0, 0.9, 0.8, 0.7, 0.9), results.stream().map(r -> twoPlaces(r.get("score"))).toList());
        assertEquals(List.of(0.0, 3.28, 0.0, 12.16, 0.0), results.stream().map(r -> twoPlaces(r.get("distanceKm"))).toList());
        Map<?, ?> b = (Map<?, ?>) results.get(1).get("explanation");
        assertEquals(0.67, twoPlaces(b.get("nearness")));
        assertEquals(0.0, twoPlaces(((Map<?, ?>) results.get(3).get("explanation")).get("nearness")));
        assertEquals(true, results.get(4).get("full"));
        assertEquals(true, results.get(2).get("stale"));
        assertTrue(((List<?>) results.get(2).get("reasons")).stream().anyMatch(r -> r.toString().startsWith("not confirmed")));
        assertFalse((Boolean) results.get(0).get("stale"));
    }

    @Test
    void constraintsLeaveServicesOutAndAParentTermTakesInItsChildren() {
        assertEquals(List.of("A", "C", "E", "D"), names(fixtureResults("""
                {"interests": ["bereavement-support"], "postcode": "HG4 1AA", "days": ["MO"], "freeOnly": true, "limit": 100}""")));
        // men's sheds are a kind of peer support: asked for peer support, they come with a 0.7 interest fit
        List<Map<String, Object>> peer = given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON)
                .body("{\"interests\": [\"peer-support\"], \"limit\": 100}").when().post("/api/directory/match").then().statusCode(200)
                .extract().path("results");
        assertTrue(peer.stream().anyMatch(r -> "men-sheds".equals(r.get("category"))
                && twoPlaces(((Map<?, ?>) r.get("explanation")).get("interest")) == 0.7), peer.toString());
    }

    @Test
    void badRequestsAreNamedAndOnlyLinkWorkersMatch() {
        given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON).body("{\"interests\": [\"walking\", \"astrology\"]}")
                .when().post("/api/directory/match").then().statusCode(400).body("errors[0].field", equalTo("interests[1]"));
        given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON).body("{\"days\": [\"Monday\"]}")
                .when().post("/api/directory/match").then().statusCode(400).body("errors[0].field", equalTo("days[0]"));
        given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON).body("{\"postcode\": \"nowhere\"}")
                .when().post("/api/directory/match").then().statusCode(400).body("errors[0].field", equalTo("postcode"));
        // a well-formed postcode outside the reference data cannot be placed: named, not guessed
        given().auth().oauth2(TestTokens.linkWorker("U84002")).contentType(ContentType.JSON).body("{\"postcode\": \"SW1A 1AA\"}")
                .when().post("/api/directory/match").then().statusCode(400).body("errors[0].field", equalTo("postcode"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("SW1A 1AA"));
        given().auth().oauth2(PartnerTest.partner(UUID.randomUUID().toString())).contentType(ContentType.JSON).body("{}")
                .when().post("/api/directory/match").then().statusCode(403);
    }
}
