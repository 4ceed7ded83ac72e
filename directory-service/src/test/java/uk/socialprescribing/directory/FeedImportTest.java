package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Import from a neighbouring directory's ORUK feed: a small feed served by the test itself (two pages, three full
 * services), read by URL, then read again; and the same services from a file.
 */
@QuarkusTest
class FeedImportTest {

    static final String ADMIN = MatchTest.ADMIN;

    HttpServer feed;
    /** What the feed answers, by path and query. */
    final Map<String, String> answers = new ConcurrentHashMap<>();
    /** Where the feed under /moved/ redirects to, if anywhere. */
    volatile String movedTo;
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());

    @BeforeEach
    void serveAFeed() throws IOException {
        feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feed.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getPath() + (exchange.getRequestURI().getQuery() == null ? "" : "?" + exchange.getRequestURI().getQuery());
            String body = answers.get(key);
            if (key.startsWith("/moved/") && movedTo != null) {
                // the feed has moved: every address under /moved/ redirects to the same under movedTo
                exchange.getResponseHeaders().add("Location", movedTo + key.substring("/moved".length()));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] bytes = (body == null ? "{\"detail\": \"not here\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        feed.start();
        publish(List.of(service(0, "walking", "Tuesdays", "TU", 6), service(1, "Singing and music", "Thursdays", "TH", 3),
                service(2, "3df376d5-e8b0-3076-b8d3-40f74db36750", "Mondays", "MO", 0)));
    }

    @AfterEach
    void stop() {
        feed.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + feed.getAddress().getPort() + "/oruk";
    }

    /** A full ORUK service; its taxonomy term named by code, by name, or by id, as neighbouring feeds do. */
    String service(int i, String term, String dayName, String day, int available) {
        String termField = term.matches("[0-9a-f-]{36}") ? "\"id\": \"" + term + "\"" : term.contains(" ") ? "\"name\": \"" + term + "\"" : "\"code\": \"" + term + "\"";
        return """
                {"id": "%s", "name": "Feed Service %d %s", "description": "A group from the neighbouring directory.", "status": "active",
                 "organization": {"id": "%s", "name": "Neighbouring Trust %s", "description": "A trust."},
                 "attributes": [{"id": "%s", "taxonomy_term": {%s}}],
                 "service_at_locations": [{"id": "%s", "location": {"id": "%s", "name": "Feed Hall %d",
                   "accessibility": [{"id": "%s", "description": "Hearing loop"}, {"id": "%s", "description": "A lift to every floor"}],
                   "addresses": [{"id": "%s", "address_1": "1 High Street", "city": "Ripon", "postal_code": "HG4 1QP", "country": "GB"}]}}],
                 "schedules": [{"id": "%s", "freq": "WEEKLY", "byday": "%s", "opens_at": "10:00:00", "closes_at": "11:30:00"}],
                 "cost_options": [{"id": "%s", "option": "£1.50 a session", "amount": 1.5}],
                 "languages": [{"id": "%s", "name": "English", "code": "en"}, {"id": "%s", "name": "Polish"}],
                 "contacts": [{"id": "%s", "name": "Ann Persona", "email": "ann@neighbour.example.org", "phones": [{"id": "%s", "number": "01632 960555"}]}],
                 "service_capacity": {"id": "%s", "available": %d, "maximum": 10, "unit": "place"},
                 "minimum_age": 18}""".formatted(ids.get(i), i, tag, UUID.nameUUIDFromBytes(tag.getBytes()), tag, UUID.randomUUID(), termField,
                UUID.randomUUID(), UUID.randomUUID(), i, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), day,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), available);
    }

    /** Serves these services in full and as two pages (two, then one), as an ORUK feed pages them. */
    void publish(List<String> services) {
        answers.clear();
        answers.put("/oruk/services?page=1&per_page=100", page(services.subList(0, 2), 1, 2));
        answers.put("/oruk/services?page=2&per_page=100", page(services.subList(2, 3), 2, 2));
        for (int i = 0; i < services.size(); i++) {
            answers.put("/oruk/services/" + ids.get(i), services.get(i));
        }
    }

    static String page(List<String> contents, int number, int pages) {
        return "{\"total_items\": 3, \"total_pages\": %d, \"page_number\": %d, \"size\": %d, \"first_page\": %b, \"last_page\": %b, \"empty\": false, \"contents\": [%s]}"
                .formatted(pages, number, contents.size(), number == 1, number == pages, String.join(",", contents));
    }

    ValidatableResponse importFeed(String token, String url) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": \"" + url + "\"}").when().post("/api/directory/import/feed").then();
    }

    @Test
    void aFeedIsReadPageByPageAndAReImportUpdatesRatherThanDuplicates() {
        importFeed(ADMIN, base()).statusCode(200).body("created", equalTo(3)).body("updated", equalTo(0));
        importFeed(ADMIN, base() + "/").statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(3));
        // the neighbour's first service now has one place left
        publish(List.of(service(0, "walking", "Tuesdays", "TU", 1), service(1, "Singing and music", "Thursdays", "TH", 3),
                service(2, "3df376d5-e8b0-3076-b8d3-40f74db36750", "Mondays", "MO", 0)));
        importFeed(ADMIN, base()).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(2));

        // what was read: the term by code, name or id; the weekly session and the cost in our partners' words; capacity,
        // languages (by code or name), the contact, and the access features we have codes for
        List<Map<String, Object>> mine = given().auth().oauth2(uk.socialprescribing.testing.TestTokens.linkWorker("U84002")).queryParam("q", tag).queryParam("sort", "name")
                .when().get("/api/directory/search").then().statusCode(200).extract().path("results.contents");
        assertEquals(List.of("walking", "singing-and-music", "learning"), mine.stream().map(m -> m.get("category")).toList());
        assertEquals(List.of("Tuesdays 10:00-11:30", "Thursdays 10:00-11:30", "Mondays 10:00-11:30"), mine.stream().map(m -> m.get("schedule")).toList());
        Map<String, Object> first = mine.get(0);
        assertEquals("£1.50 a session", first.get("cost"));
        assertEquals(1, first.get("placesAvailable"));
        assertEquals(List.of("en", "pl"), first.get("languages"));
        assertEquals(List.of("hearing-loop"), first.get("accessibility"));
        given().auth().oauth2(ADMIN).when().get("/api/directory/services/{id}", first.get("id")).then().statusCode(200)
                .body("contact.email", equalTo("ann@neighbour.example.org")).body("contact.phone", equalTo("01632 960555"))
                .body("moderation", equalTo("approved"));
    }

    @Test
    void aServiceThatCannotBeReadFailsTheWholeImportNamingIt() {
        publish(List.of(service(0, "walking", "Tuesdays", "TU", 6), service(1, "astrology", "Thursdays", "TH", 3),
                service(2, "learning", "Mondays", "MO", 0).replace("\"postal_code\": \"HG4 1QP\"", "\"postal_code\": \"nowhere\"")));
        importFeed(ADMIN, base()).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("service " + ids.get(1) + ": attributes"))
                .body("errors.field", hasItem("service " + ids.get(2) + ": service_at_locations[0].location.addresses[0].postal_code"));
        // nothing was written, not even the good one
        given().auth().oauth2(uk.socialprescribing.testing.TestTokens.linkWorker("U84002")).queryParam("q", tag).when().get("/api/directory/search").then().statusCode(200)
                .body("results.totalItems", equalTo(0));
    }

    @Test
    void aFileSavedFromAFeedImportsTheSameWay() {
        List<String> services = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            services.add(answers.get("/oruk/services/" + ids.get(i)));
        }
        String file = page(services, 1, 1);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(file).when().post("/api/directory/import").then().statusCode(200)
                .body("created", equalTo(3));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[" + String.join(",", services) + "]").when()
                .post("/api/directory/import").then().statusCode(200).body("unchanged", equalTo(3));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[" + services.get(0).replace("\"name\": \"Neighbouring Trust", "\"nom\": \"x") + "]")
                .when().post("/api/directory/import").then().statusCode(400).body("errors[0].field", equalTo("[0].organization.name"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"contents\": []}").when().post("/api/directory/import").then()
                .statusCode(400).body("errors[0].field", equalTo("contents"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[" + services.get(0).replace("Neighbouring Trust", "Neighbouring\\u0000Trust") + "]")
                .when().post("/api/directory/import").then().statusCode(400).body("errors[0].rule", equalTo("NoNulCharacter"))
                .body("errors[0].field", equalTo("[0].organization.name"));
    }

    /** Fields of another type than ORUK's, and sizes no listing needs, each named; the same file unchanged imports. */
    @Test
    void aFileOfFieldsOfTheWrongTypeOrSizeIsRefusedNamingEachOne() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String good = answers.get("/oruk/services/" + ids.get(0));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[" + good + "]").when().post("/api/directory/import").then().statusCode(200);

        ObjectNode bad = (ObjectNode) mapper.readTree(good);
        bad.put("schedules", 42);
        ((ObjectNode) bad.at("/service_at_locations/0/location")).putObject("name").put("nested", 1);
        ((ObjectNode) bad.at("/service_at_locations/0/location/addresses/0")).put("address_1", "x".repeat(10_001));
        ((ObjectNode) bad.at("/cost_options/0")).put("amount", "not-a-number");
        ArrayNode attributes = bad.putArray("attributes");
        for (int i = 0; i < 1_001; i++) {
            attributes.addObject().putObject("taxonomy_term").put("code", "walking");
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[" + bad + "]").when().post("/api/directory/import").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '[0].schedules' }.rule", equalTo("OrukType"))
                .body("errors.findAll { it.field == '[0].service_at_locations[0].location.name' }.rule", hasItem("OrukType"))
                .body("errors.find { it.field == '[0].cost_options[0].amount' }.rule", equalTo("OrukType"))
                .body("errors.find { it.field == '[0].service_at_locations[0].location.addresses[0].address_1' }.rule", equalTo("Size"))
                .body("errors.find { it.field == '[0].attributes' }.rule", equalTo("MaxItems"));
        // a page is an ORUK page: a field it does not have is named
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"contents\": [" + good + "], \"unexpectedField\": 1}")
                .when().post("/api/directory/import").then().statusCode(400).body("errors[0].field", equalTo("unexpectedField"));
    }

    @Test
    void anUnreachableOrUnreadableFeedIsABadGatewayAndOnlyAdminImports() {
        feed.stop(0);
        importFeed(ADMIN, base()).statusCode(502).contentType("application/problem+json").body("detail", containsString(base()));
        importFeed(ADMIN, "ftp://example.org/oruk").statusCode(400).body("errors[0].field", equalTo("url"));
        importFeed(PartnerTest.partner(UUID.randomUUID().toString()), base()).statusCode(403);
    }

    @Test
    void aFeedOrARedirectFromItToThisMachineAPrivateNetworkOrAMetadataAddressIsRefusedBeforeItIsCalled() {
        // the test profile allows loopback (a feed of the test's own); nothing else that is not public
        for (String inside : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.1/oruk", "http://192.168.1.20/oruk",
                "http://[fd00::1]/oruk", "http://100.64.0.1/oruk")) {
            importFeed(ADMIN, inside).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                    .body("errors[0].rule", equalTo("PublicAddress"));
        }
        // a redirect is followed only where it may go: within this (allowed) machine it is, to the metadata address it is not
        String moved = "http://127.0.0.1:" + feed.getAddress().getPort() + "/moved";
        movedTo = base();
        importFeed(ADMIN, moved).statusCode(200);
        movedTo = "http://169.254.169.254/latest/meta-data";
        importFeed(ADMIN, moved).statusCode(400).body("errors[0].field", equalTo("url")).body("errors[0].rule", equalTo("PublicAddress"))
                .body("errors[0].message", containsString("redirects to http://169.254.169.254/latest/meta-data/services"));
    }
}
