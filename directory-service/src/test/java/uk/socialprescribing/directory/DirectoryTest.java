package uk.socialprescribing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestTokens;

@QuarkusTest
class DirectoryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theDemoDirectoryHoldsAtLeast200ListingsAcrossTheActivityCategories() {
        int total = given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?size=200")
                .then().statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(200))
                .body("contents", hasSize(200))
                .extract().path("totalItems");
        Set<String> categories = new HashSet<>(given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?size=200&page=1").then().extract().path("contents.category"));
        categories.addAll(given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?size=200&page=2").then().extract().path("contents.category"));
        assertTrue(categories.containsAll(Set.of("walking", "arts-and-crafts", "singing-and-music", "gardening",
                "faith-and-spirituality", "befriending", "volunteering", "debt-and-money-advice", "housing-advice")),
                categories.toString());

        // every listed service was announced (other tests' withdrawn or pending listings are not listed)
        Set<String> listed = new HashSet<>();
        for (int page = 1; page <= (total + 199) / 200; page++) {
            listed.addAll(given().auth().oauth2(TestTokens.linkWorker("U84002")).queryParam("size", 200).queryParam("page", page)
                    .when().get("/api/directory/services").then().extract().<List<String>>path("contents.id"));
        }
        assertEquals(total, listed.size());
        List<Published> published = PublishedEvents.await(kafka, "directory-events", total, Duration.ofSeconds(60),
                p -> p.event() != null && "service.published.v1".equals(p.event().getType()) && listed.contains(p.key()));
        // delivery is at least once: a batch the broker was slow to acknowledge (as on a cold start) is sent again, with
        // the same event ids, which consumers skip. Once each, then, by event id; and every listed service announced
        assertEquals(total, published.stream().map(p -> p.event().getId()).distinct().count());
        assertEquals(listed, published.stream().map(Published::key).collect(java.util.stream.Collectors.toSet()));
        for (Published p : published) {
            assertEquals(List.of(), EventSchemas.violations(EventType.SERVICE_PUBLISHED, p.data()));
        }
        // the listings that came with live capacity announce it too, for the services that match on it
        List<Published> capacity = PublishedEvents.await(kafka, "directory-events", 1, Duration.ofSeconds(30),
                p -> p.event() != null && "service.capacity-changed.v1".equals(p.event().getType()));
        Set<String> publishedIds = new HashSet<>();
        published.forEach(p -> publishedIds.add(p.data().get("serviceId").asText()));
        for (Published p : capacity) {
            assertEquals(List.of(), EventSchemas.violations(EventType.SERVICE_CAPACITY_CHANGED, p.data()));
            assertTrue(publishedIds.contains(p.data().get("serviceId").asText()), "capacity of an unpublished service");
        }
    }

    @Test
    void theDemoHasListingsAwaitingApprovalStaleOnesAndFullOnes() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/directory/services/pending")
                .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(5)).body("contents.moderation", everyItem(equalTo("pending")));
        List<Boolean> stale = given().auth().oauth2(TestTokens.linkWorker("U84002")).queryParam("size", 200)
                .when().get("/api/directory/services").then().extract().path("contents.stale");
        assertTrue(stale.contains(true) && stale.contains(false), stale.toString());
        List<Integer> available = given().auth().oauth2(TestTokens.linkWorker("U84002")).queryParam("size", 200)
                .when().get("/api/directory/services").then().extract().path("contents.capacityAvailable");
        assertTrue(available.contains(0), "no full listing in the demo");
    }

    @Test
    void pagesAreStableAndDoNotOverlap() {
        List<String> first = given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?size=20&page=1").then().statusCode(200).extract().path("contents.id");
        List<String> second = given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?size=20&page=2").then().statusCode(200).extract().path("contents.id");
        Set<String> both = new HashSet<>(first);
        both.addAll(second);
        assertEquals(40, both.size());
        assertEquals(first, given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?size=20&page=1").then().extract().path("contents.id"));
    }

    @Test
    void aCategoryFiltersTheList() {
        given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?category=walking")
                .then().statusCode(200)
                .body("contents.category", everyItem(equalTo("walking")))
                .body("contents.size()", greaterThanOrEqualTo(5));
    }

    @Test
    void badParametersAreNamed() {
        given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services?category=Walking!&size=1000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("category", "size"));
    }

    @Test
    void anUnknownServiceIsNotFoundAndTheDirectoryNeedsAToken() {
        given().auth().oauth2(TestTokens.linkWorker("U84002"))
                .when().get("/api/directory/services/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/directory/services").then().statusCode(401).contentType("application/problem+json");
    }
}
