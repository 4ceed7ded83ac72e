package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The public Open Referral UK 3.0 API as the ORUK validator checks it: `/`, the first, a middle and the last page of
 * `/services` and each sampled service in full, then the optional endpoints; every body validates against the
 * validator's own schemas (copied into src/test/resources/standards/oruk-3.0 with their licence), and every answer
 * allows any origin. No token anywhere.
 */
@QuarkusTest
class OrukTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = OrukTest.class.getResourceAsStream("/standards/oruk-3.0/validator-schemas/" + n + ".json")) {
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
            } catch (Exception e) {
                throw new IllegalStateException(n, e);
            }
        });
    }

    /** GETs an ORUK path without a token, checks 200 and CORS, and validates the body against the named schema. */
    static JsonNode valid(String path, String schemaName) throws Exception {
        Response response = given().when().get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.asString());
        assertEquals("*", response.header("Access-Control-Allow-Origin"), path);
        JsonNode body = JSON.readTree(response.asString());
        Set<ValidationMessage> errors = schema(schemaName).validate(body);
        assertEquals(Set.of(), errors, path + " against " + schemaName);
        assertNoNullsOrEmpties(body, path);
        return body;
    }

    /** ORUK: optional fields without a value are left out, never null or empty. */
    static void assertNoNullsOrEmpties(JsonNode node, String where) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                boolean contents = "contents".equals(field.getKey());
                assertFalse(value.isNull() || (!contents && value.isArray() && value.isEmpty()) || (value.isTextual() && value.asText().isEmpty()),
                        where + ": " + field.getKey() + " is sent empty");
                assertNoNullsOrEmpties(value, where + "." + field.getKey());
            }
        } else if (node.isArray()) {
            node.forEach(item -> assertNoNullsOrEmpties(item, where + "[]"));
        }
    }

    @Test
    void theFeedPassesTheValidatorsChecksOnItsRequiredEndpoints() throws Exception {
        JsonNode details = valid("/oruk/", "api_details");
        assertEquals("HSDS-UK-3.0", details.get("version").asText());
        assertTrue(details.get("openapi_url").asText().endsWith("/oruk/openapi.json"));
        given().when().get("/oruk/openapi.json").then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .body("paths.keySet()", hasItem("/services/{id}"));

        JsonNode first = valid("/oruk/services", "service_list");
        int pages = first.get("total_pages").asInt();
        assertTrue(first.get("total_items").asInt() >= 200, first.get("total_items").toString());
        assertTrue(first.get("first_page").asBoolean());
        assertFalse(first.get("empty").asBoolean());
        JsonNode middle = valid("/oruk/services?page=" + Math.max(1, pages / 2), "service_list");
        JsonNode last = valid("/oruk/services?page=" + pages, "service_list");
        assertTrue(last.get("last_page").asBoolean());
        List<String> sampled = new ArrayList<>();
        for (JsonNode page : List.of(first, middle, last)) {
            page.get("contents").forEach(s -> sampled.add(s.get("id").asText()));
        }
        for (String id : sampled.subList(0, Math.min(sampled.size(), 150))) {
            JsonNode service = valid("/oruk/services/" + id, "service");
            assertTrue(service.has("schedules") && service.has("service_at_locations") && service.has("attributes"), service.toString());
        }
        // past the last page: an empty page, as ORUK's empty list response describes it
        JsonNode beyond = valid("/oruk/services?page=" + (pages + 1), "empy_list_response");
        assertTrue(beyond.get("empty").asBoolean());
    }

    @Test
    void theOptionalEndpointsValidateToo() throws Exception {
        JsonNode taxonomies = valid("/oruk/taxonomies", "taxonomy_list");
        String taxonomy = taxonomies.get("contents").get(0).get("id").asText();
        valid("/oruk/taxonomies/" + taxonomy, "taxonomy");
        JsonNode terms = valid("/oruk/taxonomy_terms?per_page=100", "taxonomy_term_list");
        assertTrue(terms.get("total_items").asInt() >= 17);
        valid("/oruk/taxonomy_terms/" + terms.get("contents").get(0).get("id").asText(), "taxonomy_term");
        JsonNode locations = valid("/oruk/service_at_locations", "service_at_location_list");
        valid("/oruk/service_at_locations/" + locations.get("contents").get(0).get("id").asText(), "service_at_location");
        JsonNode organizations = given().when().get("/oruk/organizations").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*").extract().as(JsonNode.class);
        for (JsonNode organization : organizations.get("contents")) {
            assertEquals(Set.of(), schema("organization_list").validate(organization));
        }
        valid("/oruk/organizations/" + organizations.get("contents").get(0).get("id").asText(), "organization");
    }

    @Test
    void theFiltersNarrowTheServices() {
        String walking = given().queryParam("per_page", 100).when().get("/oruk/taxonomy_terms").then().statusCode(200)
                .extract().path("contents.find { it.term == 'walking' }.id");
        given().queryParam("taxonomy_term_id", walking).when().get("/oruk/services").then().statusCode(200)
                .body("total_items", greaterThanOrEqualTo(5));
        List<String> walks = given().queryParam("taxonomy_term_id", walking).queryParam("per_page", 200).when().get("/oruk/services")
                .then().extract().path("contents.id");
        for (String id : walks.subList(0, 3)) {
            given().when().get("/oruk/services/" + id).then().body("attributes[0].taxonomy_term.term", equalTo("walking"));
        }
        // a parent term takes in its children: peer support includes men's sheds
        String peerSupport = given().queryParam("per_page", 100).when().get("/oruk/taxonomy_terms").then()
                .extract().path("contents.find { it.term == 'peer-support' }.id");
        given().queryParam("taxonomy_term_id", peerSupport).when().get("/oruk/services").then().statusCode(200)
                .body("total_items", greaterThanOrEqualTo(1));
        List<String> tuesdays = given().queryParam("day", "tu").queryParam("start_time", "10:00").queryParam("end_time", "13:00")
                .queryParam("per_page", 200).when().get("/oruk/services").then().statusCode(200).extract().path("contents.id");
        assertFalse(tuesdays.isEmpty());
        given().when().get("/oruk/services/" + tuesdays.get(0)).then()
                .body("schedules.byday", hasItem("TU"));
        List<Map<String, Object>> found = given().queryParam("search", "WALK").queryParam("per_page", 200).when().get("/oruk/services")
                .then().statusCode(200).body("total_items", greaterThanOrEqualTo(1)).extract().path("contents");
        // full text: "walk" finds walking, walks and walkers, in the name, the description or the activity
        for (Map<String, Object> service : found) {
            String words = (service.get("name") + " " + service.get("description")).toLowerCase();
            assertTrue(words.contains("walk") || "walking".equals(given().when().get("/oruk/services/" + service.get("id")).then()
                    .extract().path("attributes[0].taxonomy_term.term")), service.toString());
        }
        given().queryParam("modified_after", "2099-01-01").when().get("/oruk/services").then().statusCode(200)
                .body("total_items", equalTo(0)).body("empty", equalTo(true));
        // the demo's groups are for adults (18), employment support from 16: a higher minimum leaves those out
        int from16 = given().queryParam("minimum_age", "16").when().get("/oruk/services").then().statusCode(200).extract().path("total_items");
        int from18 = given().queryParam("minimum_age", "18").queryParam("per_page", 200).when().get("/oruk/services").then().statusCode(200)
                .body("contents.minimum_age", everyItem(greaterThanOrEqualTo(18))).extract().path("total_items");
        assertTrue(from18 >= 100 && from18 < from16, from18 + " of " + from16);
        given().queryParam("postcode", "HG1").when().get("/oruk/service_at_locations").then().statusCode(200)
                .body("contents.location.addresses.flatten().postal_code", everyItem(org.hamcrest.Matchers.startsWith("HG1")));
    }

    @Test
    void serviceAtLocationsByDistanceFromAPostcodeOrAPoint() throws Exception {
        // within 3 km of HG5 8AH (Knaresborough), nearest first, as the reference data places them
        double[] centre = { 54.007859, -1.442118 };
        JsonNode near = valid("/oruk/service_at_locations?postcode=hg58ah&proximity=3000&per_page=200", "service_at_location_list");
        assertTrue(near.get("total_items").asInt() >= 5, near.toString());
        double last = 0;
        for (JsonNode place : near.get("contents")) {
            JsonNode location = place.get("location");
            double km = kilometres(centre, location.get("latitude").asDouble(), location.get("longitude").asDouble());
            assertTrue(km <= 3.0 && km >= last - 1e-6, place.toString());
            last = km;
        }
        JsonNode fromPoint = valid("/oruk/service_at_locations?lat=54.007859&lon=-1.442118&proximity=3000&per_page=200", "service_at_location_list");
        assertEquals(near.get("total_items").asInt(), fromPoint.get("total_items").asInt());
        // the services' filters apply too
        JsonNode around = valid("/oruk/service_at_locations?postcode=HG4&proximity=20000", "service_at_location_list");
        JsonNode walking = valid("/oruk/service_at_locations?search=walking&postcode=HG4&proximity=20000", "service_at_location_list");
        assertTrue(walking.get("total_items").asInt() >= 1 && walking.get("total_items").asInt() < around.get("total_items").asInt());
        given().queryParam("postcode", "SW1A 1AA").queryParam("proximity", "1000").when().get("/oruk/service_at_locations").then()
                .statusCode(400).body("errors[0].field", equalTo("postcode")).header("Access-Control-Allow-Origin", "*");
    }

    static double kilometres(double[] from, double lat, double lon) {
        double dLat = Math.toRadians(lat - from[0]);
        double dLon = Math.toRadians(lon - from[1]);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(from[0])) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }

    @Test
    void aFullServiceNamesItsLanguagesContactAndTheVenuesAccess() throws Exception {
        JsonNode page = valid("/oruk/services?per_page=50", "service_list");
        boolean contact = false;
        boolean polish = false;
        boolean hearingLoop = false;
        for (JsonNode listed : page.get("contents")) {
            JsonNode service = valid("/oruk/services/" + listed.get("id").asText(), "service");
            // the demo's listings all name a contact (other tests' listings may not)
            contact |= service.path("contacts").path(0).path("phones").path(0).path("number").asText().startsWith("01632 960");
            polish |= service.path("languages").findValuesAsText("name").contains("Polish");
            JsonNode location = service.get("service_at_locations").get(0).get("location");
            assertTrue(location.has("latitude") && location.has("longitude"), location.toString());
            hearingLoop |= location.path("accessibility").findValuesAsText("details").contains("hearing-loop");
        }
        assertTrue(contact && polish && hearingLoop);
    }

    @Test
    void badParametersAndUnknownIdsAreProblemsThatAllowAnyOriginToo() {
        for (String bad : List.of("/oruk/services?page=0", "/oruk/services?per_page=1000", "/oruk/services?day=funday",
                "/oruk/services?start_time=noon", "/oruk/services?taxonomy_term_id=walking", "/oruk/services?modified_after=yesterday",
                "/oruk/services?minimum_age=-1", "/oruk/service_at_locations?proximity=1000", "/oruk/service_at_locations?postcode=12345",
                "/oruk/service_at_locations?lat=54&proximity=1000", "/oruk/service_at_locations?postcode=HG5&proximity=far",
                "/oruk/services/not-a-uuid")) {
            given().when().get(bad).then().statusCode(400).contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", "*").body("errors[0].field", org.hamcrest.Matchers.notNullValue());
        }
        given().when().get("/oruk/services/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", "*");
        // a blank id names nothing either
        for (String kind : java.util.List.of("services", "organizations", "service_at_locations", "taxonomy_terms")) {
            given().urlEncodingEnabled(false).when().get("/oruk/" + kind + "/%20").then().statusCode(404).contentType("application/problem+json");
        }
    }
}
