package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import uk.socialprescribing.testing.TestTokens;

/**
 * Link workers' search on a fixture of three listings, each with a word of its own (the tag) so that the demo
 * listings stay out of the way: full text and its ranking, typos, distance, and each filter.
 */
@QuarkusTest
class SearchTest {

    static final String ADMIN = MatchTest.ADMIN;

    @Inject
    EntityManager entityManager;

    /** A word no demo listing holds: eight random letters, so full text keeps it whole. */
    final String tag = "zq" + ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    @BeforeEach
    void theFixture() {
        String csv = "organisation,name,description,category,venue,town,postcode,schedule,cost,capacity_maximum,capacity_available,"
                + "minimum_age,languages,accessibility\n"
                // A: "allotment" in its name; Knaresborough; Wednesdays; free; Polish too; step-free with a hearing loop
                + "Search Fixture,Allotment Friends " + tag + ",Growing vegetables together " + tag + ".,gardening,Fixture Hall,Knaresborough,"
                + "HG5 8AH,Wednesdays 10:00-12:00,Free,10,4,18,en;pl,step-free-access;hearing-loop\n"
                // B: "allotment" only in its description; Ripon, 17.82 km from HG5 8AH; Fridays; paid; for over-50s
                + "Search Fixture,Garden Pals " + tag + ",Gardening and a chat at the allotment " + tag + ".,gardening,Fixture Hall,Ripon,"
                + "HG4 1AA,Fridays 14:00-16:00,£2 a session,10,0,50,en,step-free-access\n"
                // C: nothing to do with gardens; beside A in Knaresborough; Mondays; free
                + "Search Fixture,Chess Club " + tag + ",Board games and tea " + tag + ".,learning,Fixture Hall,Knaresborough,"
                + "HG5 8AH,Mondays 18:00-20:00,Free,12,6,18,en,\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(csv).when().post("/api/directory/import").then().statusCode(200);
    }

    static RequestSpecification asLinkWorker() {
        return given().auth().oauth2(TestTokens.linkWorker("U84002"));
    }

    List<Map<String, Object>> search(Map<String, ?> parameters) {
        return asLinkWorker().queryParams(parameters).queryParam("size", 100).when().get("/api/directory/search").then().statusCode(200)
                .extract().path("results.contents");
    }

    /** The first word of each fixture result's name (the demo listings never hold the tag). */
    List<String> fixture(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("name")).filter(n -> n.endsWith(" " + tag)).map(n -> n.substring(0, n.indexOf(' '))).toList();
    }

    /** The fixture listing whose name starts so. */
    Map<String, Object> named(String start) {
        return search(Map.of("q", tag)).stream().filter(i -> i.get("name").equals(start + " " + tag)).findFirst().orElseThrow();
    }

    @Test
    void wordsInTheNameRankAboveWordsInTheDescription() {
        List<Map<String, Object>> found = search(Map.of("q", "allotment " + tag));
        assertEquals(List.of("Allotment", "Garden"), fixture(found));
        assertTrue((Double.valueOf(found.get(0).get("relevance").toString())) > Double.valueOf(found.get(1).get("relevance").toString()), found.toString());
        // the activity counts too: "gardening" finds both gardening listings, not the chess club; Garden Pals first, since
        // "garden" (gardening's stem) is in its name
        assertEquals(List.of("Garden", "Allotment"), fixture(search(Map.of("q", "gardening " + tag))));
    }

    @Test
    void aTypoStillFinds() {
        // "alottment" is not a word full text knows; its trigrams are close enough to "allotment"
        assertTrue(fixture(search(Map.of("q", "alottment"))).contains("Allotment"));
        assertTrue(fixture(search(Map.of("q", "gardning"))).containsAll(List.of("Allotment", "Garden")));
    }

    @Test
    void distanceFromAPostcodeOrAPointNarrowsAndSorts() {
        // from HG5 8AH: A and C are there (0 km), B is 17.82 km away in Ripon
        List<Map<String, Object>> near = search(Map.of("q", tag, "postcode", "HG5 8AH", "withinKm", "5"));
        assertEquals(List.of("Allotment", "Chess"), fixture(near).stream().sorted().toList());
        List<Map<String, Object>> all = search(Map.of("q", tag, "postcode", "hg58ah", "withinKm", "25", "sort", "distance"));
        assertEquals("Garden", fixture(all).get(2));
        assertEquals(17.82, ((Number) all.stream().filter(i -> ((String) i.get("name")).startsWith("Garden")).findFirst().orElseThrow()
                .get("distanceKm")).doubleValue(), 0.01);
        // the same from HG5 8AH's point
        assertEquals(List.of("Allotment", "Chess"), fixture(search(Map.of("q", tag, "lat", "54.007859", "lon", "-1.442118", "withinKm", "5")))
                .stream().sorted().toList());
        // a district is its centre, and the answer says so
        asLinkWorker().queryParam("q", tag).queryParam("postcode", "HG5").when().get("/api/directory/search").then().statusCode(200)
                .body("from.approximate", equalTo(true));
    }

    @Test
    void eachFilterNarrows() {
        assertEquals(List.of("Allotment"), fixture(search(Map.of("q", tag, "day", "we"))));
        assertEquals(List.of("Chess"), fixture(search(Map.of("q", tag, "day", "MO", "startTime", "17:00", "endTime", "21:00"))));
        assertEquals(List.of("Allotment", "Chess"), fixture(search(Map.of("q", tag, "free", "true", "sort", "name"))));
        assertEquals(List.of("Allotment"), fixture(search(Map.of("q", tag, "accessibility", "step-free-access,hearing-loop"))));
        assertEquals(List.of("Allotment", "Garden"), fixture(search(Map.of("q", tag, "accessibility", "step-free-access", "sort", "name"))));
        assertEquals(List.of("Allotment"), fixture(search(Map.of("q", tag, "language", "pl"))));
        assertEquals(List.of("Allotment", "Garden"), fixture(search(Map.of("q", tag, "category", "gardening", "sort", "name"))));
        // A is for adults, B for over-50s
        assertEquals(List.of("Allotment", "Garden"), fixture(search(Map.of("q", tag, "age", "60", "category", "gardening", "sort", "name"))));
        assertEquals(List.of("Allotment"), fixture(search(Map.of("q", tag, "age", "30", "category", "gardening"))));
        // B has no places: it is still found, and flagged full
        assertEquals(true, named("Garden Pals").get("full"));
        assertEquals(false, named("Allotment Friends").get("full"));
    }

    @Test
    void staleListingsAreMarked() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update service set assured_date = current_date - interval '8 months' where name = :name")
                .setParameter("name", "Chess Club " + tag).executeUpdate());
        assertEquals(true, named("Chess Club").get("stale"));
        assertEquals(false, named("Allotment Friends").get("stale"));
    }

    @Test
    void theCodesListingsUseAreListed() {
        asLinkWorker().when().get("/api/directory/vocabulary").then().statusCode(200)
                .body("accessibility.'hearing-loop'", equalTo("Hearing loop")).body("accessibility.size()", equalTo(10))
                .body("languages", org.hamcrest.Matchers.containsString("bfi"));
    }

    @Test
    void badParametersAreNamed() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("postcode=SW1A%201AA", "postcode");
        bad.put("postcode=nowhere", "postcode");
        bad.put("lat=54.0", "lon");
        bad.put("lat=91&lon=0", "lat");
        bad.put("withinKm=5", "withinKm");
        bad.put("postcode=HG5&withinKm=-1", "withinKm");
        bad.put("accessibility=jacuzzi", "accessibility");
        bad.put("language=xx", "language");
        bad.put("sort=distance", "sort");
        bad.put("category=astrology", "category");
        bad.put("day=funday", "day");
        bad.put("startTime=noon", "startTime");
        bad.put("size=1000", "size");
        bad.forEach((query, field) -> asLinkWorker().urlEncodingEnabled(false).when().get("/api/directory/search?" + query).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        given().when().get("/api/directory/search?q=walk").then().statusCode(401).contentType("application/problem+json");
        // every problem of a request in one answer, in the order the parameters are read
        asLinkWorker().urlEncodingEnabled(false).when().get("/api/directory/search?day=funday&startTime=noon&size=1000&page=abc&language=xx")
                .then().statusCode(400).body("detail", equalTo("5 fields are not valid"))
                .body("errors.field", equalTo(List.of("language", "day", "startTime", "page", "size")));
    }
}
