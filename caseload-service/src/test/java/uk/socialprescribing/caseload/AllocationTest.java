package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.socialprescribing.caseload.Caseloads.PCN;
import static uk.socialprescribing.caseload.Caseloads.PRACTICE;
import static uk.socialprescribing.caseload.Caseloads.addLinkWorker;
import static uk.socialprescribing.caseload.Caseloads.admin;
import static uk.socialprescribing.caseload.Caseloads.emptyThePcn;
import static uk.socialprescribing.caseload.Caseloads.lead;
import static uk.socialprescribing.caseload.Caseloads.openCase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

/**
 * Capacity-aware allocation in the Knaresborough and Nidderdale PCN (U84005), which these tests have to themselves:
 * each starts with no link worker and no case there.
 */
@QuarkusTest
class AllocationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseOpening caseOpening;

    @BeforeEach
    void emptyTheTestsPcn() {
        emptyThePcn(entityManager);
    }

    UUID accept(String urgency, String language) {
        UUID referral = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> caseOpening.openFor(
                new ReferralAccepted(referral, PRACTICE, PCN, urgency, language, false, Instant.now())));
        return referral;
    }

    Map<String, Object> caseOf(UUID referral) {
        return given().auth().oauth2(admin()).queryParam("referralId", referral).when().get("/api/caseload/cases")
                .then().statusCode(200).body("contents", hasSize(1)).extract().path("contents[0]");
    }

    long count(String allocation) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from care_case where pcn_code = :pcn and allocation = :a")
                .setParameter("pcn", PCN).setParameter("a", allocation).getSingleResult()).longValue());
    }

    @Test
    void aCaseGoesToTheLinkWorkerWithTheMostSpareCapacityThenToOneWhoSpeaksTheLanguage() {
        String roomy = addLinkWorker(admin(), "roomy-" + UUID.randomUUID(), List.of("en"), 10, 225);
        String tight = addLinkWorker(admin(), "tight-" + UUID.randomUUID(), List.of("en", "pl"), 3, 225);
        assertEquals(roomy, caseOf(accept("routine", "pl")).get("linkWorkerId"));
        // now 9 and 3 spare: still the roomier, whatever the language
        assertEquals(roomy, caseOf(accept("routine", "pl")).get("linkWorkerId"));

        String polish = addLinkWorker(admin(), "polish-" + UUID.randomUUID(), List.of("en", "pl"), 8, 225);
        // roomy and polish both have 8 spare: the Polish speaker takes the Polish speaker's case
        assertEquals(polish, caseOf(accept("routine", "pl")).get("linkWorkerId"));
        given().auth().oauth2(admin()).when().get("/api/caseload/link-workers/{id}", tight)
                .then().statusCode(200).body("activeCases", equalTo(0)).body("spareCapacity", equalTo(3));
    }

    @Test
    void whenEveryoneIsFullTheCaseWaitsAndIsAssignedTheMomentCapacityFrees() {
        String worker = addLinkWorker(admin(), "solo-" + UUID.randomUUID(), List.of("en"), 1, 225);
        UUID first = accept("routine", "en");
        assertEquals("ASSIGNED", caseOf(first).get("allocation"));
        UUID routine = accept("routine", "en");
        UUID urgent = accept("urgent", "en");
        assertEquals("WAITING", caseOf(routine).get("allocation"));
        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/waiting-list")
                .then().statusCode(200).body("length", equalTo(2))
                .body("cases[0].referralId", equalTo(urgent.toString()))
                .body("cases[1].referralId", equalTo(routine.toString()))
                .body("cases[0].position", equalTo(1)).body("cases[0].daysWaiting", equalTo(0))
                .body("forecastWaitDays", notNullValue());

        // the lead raises the cap by one: the urgent case is served first
        String etag = given().auth().oauth2(lead(PCN)).when().get("/api/caseload/link-workers/{id}", worker)
                .then().statusCode(200).extract().header("ETag");
        String body = """
                {"username": "%s", "displayName": "Solo", "pcnCode": "%s", "languages": ["en"], "workingDays": ["mon"],
                 "activeCaseCap": 2, "yearlyCap": 225}""";
        String username = given().auth().oauth2(admin()).when().get("/api/caseload/link-workers/{id}", worker).then().extract().path("username");
        given().auth().oauth2(lead(PCN)).contentType(ContentType.JSON).body(body.formatted(username, PCN))
                .when().put("/api/caseload/link-workers/{id}", worker)
                .then().statusCode(428);
        given().auth().oauth2(lead(PCN)).contentType(ContentType.JSON).body(body.formatted(username, PCN)).header("If-Match", "\"9\"")
                .when().put("/api/caseload/link-workers/{id}", worker)
                .then().statusCode(412).header("ETag", equalTo(etag));
        given().auth().oauth2(lead(PCN)).contentType(ContentType.JSON).body(body.formatted(username, PCN)).header("If-Match", etag)
                .when().put("/api/caseload/link-workers/{id}", worker)
                .then().statusCode(200).body("activeCases", equalTo(2)).body("spareCapacity", equalTo(0));
        assertEquals("ASSIGNED", caseOf(urgent).get("allocation"));
        assertEquals("WAITING", caseOf(routine).get("allocation"));
    }

    @Test
    void theYearlyCapStopsNewCasesEvenWithActiveRoom() {
        addLinkWorker(admin(), "yearly-" + UUID.randomUUID(), List.of("en"), 40, 2);
        accept("routine", "en");
        accept("routine", "en");
        assertEquals("WAITING", caseOf(accept("routine", "en")).get("allocation"));
    }

    @Test
    void fiftyAllocationsRacingForTenPlacesAssignExactlyTenAndTheRestWait() throws Exception {
        addLinkWorker(admin(), "racer-a-" + UUID.randomUUID(), List.of("en"), 4, 225);
        addLinkWorker(admin(), "racer-b-" + UUID.randomUUID(), List.of("en"), 6, 225);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<UUID>> racing = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                racing.add(() -> accept("routine", "en"));
            }
            for (Future<UUID> done : pool.invokeAll(racing)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(10, count("ASSIGNED"));
        assertEquals(40, count("WAITING"));
        given().auth().oauth2(admin()).queryParam("pcn", PCN).when().get("/api/caseload/link-workers")
                .then().statusCode(200).body("contents.spareCapacity", equalTo(List.of(0, 0)));
    }

    @Test
    void acceptedReferralsArrivingTogetherOverKafkaFillThePlacesAndAnnounceEachAllocation() {
        String worker = "kafka-" + UUID.randomUUID();
        addLinkWorker(admin(), worker, List.of("en"), 3, 225);
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID referral = UUID.randomUUID();
            referrals.add(referral.toString());
            TestEvents.publish(kafka, "referral-service", new ReferralAccepted(referral, PRACTICE, PCN, "routine", "en", false, Instant.now()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("ASSIGNED") + count("WAITING") == 8);
        assertEquals(3, count("ASSIGNED"));
        List<String> caseIds = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select cast(id as varchar) from care_case where pcn_code = :pcn", String.class).setParameter("pcn", PCN).getResultList());
        List<Published> events = PublishedEvents.await(kafka, "caseload-events", 8, Duration.ofSeconds(30),
                p -> caseIds.contains(p.key()) && !"case.opened.v1".equals(p.event().getType()));
        assertEquals(3, events.stream().filter(p -> p.event().getType().equals("case.assigned.v1")).count());
        assertEquals(5, events.stream().filter(p -> p.event().getType().equals("case.waitlisted.v1")).count());
        for (Published event : events) {
            assertEquals(List.of(), EventSchemas.violations(EventType.fromCloudEventType(event.event().getType()).orElseThrow(), event.data()));
            if (event.event().getType().equals("case.assigned.v1")) {
                // the worker as the referrer's message names them
                assertEquals(worker, event.data().get("linkWorkerName").asText());
            } else {
                // where the case waits, and for how long: three taken on in the last 28 days, so a forecast of days
                assertEquals(PCN, event.data().get("pcnCode").asText());
                assertTrue(event.data().get("forecastWaitDays").asLong() >= 1, event.data().toString());
            }
        }
        // the later in the queue, the longer the forecast
        List<Long> forecasts = events.stream().filter(p -> p.event().getType().equals("case.waitlisted.v1"))
                .sorted(java.util.Comparator.comparing(p -> Instant.parse(p.data().get("waitlistedAt").asText())))
                .map(p -> p.data().get("forecastWaitDays").asLong()).toList();
        assertEquals(forecasts.stream().sorted().toList(), forecasts);
    }

    @Test
    void whoMayManageAndReadTheTeam() {
        String body = """
                {"username": "x-%s", "displayName": "X", "pcnCode": "%s", "languages": ["en"], "workingDays": ["mon"],
                 "activeCaseCap": 5, "yearlyCap": 50}""";
        given().auth().oauth2(lead("U84002")).contentType(ContentType.JSON).body(body.formatted(UUID.randomUUID(), PCN))
                .when().post("/api/caseload/link-workers").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.linkWorker(PCN)).contentType(ContentType.JSON).body(body.formatted(UUID.randomUUID(), PCN))
                .when().post("/api/caseload/link-workers").then().statusCode(403);
        String id = addLinkWorker(lead(PCN), "by-lead-" + UUID.randomUUID(), List.of("en"), 5, 50);
        given().auth().oauth2(TestTokens.linkWorker(PCN)).when().get("/api/caseload/link-workers")
                .then().statusCode(200).body("contents.id", equalTo(List.of(id)));
        given().auth().oauth2(TestTokens.linkWorker("U84002")).queryParam("pcn", PCN).when().get("/api/caseload/link-workers")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.linkWorker("U84002")).when().get("/api/caseload/link-workers/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.linkWorker(PCN)).when().get("/api/caseload/waiting-list").then().statusCode(403);
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82005")).when().get("/api/caseload/link-workers").then().statusCode(403);
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/caseload/waiting-list").then().statusCode(403);
    }

    @Test
    void aLinkWorkerIsDescribedWithReferenceDataAndAClearErrorOtherwise() {
        String base = """
                {"username": "v-%s", "displayName": "V", "pcnCode": "%s", "practices": %s, "languages": ["en"],
                 "workingDays": ["mon"], "activeCaseCap": 5, "yearlyCap": 50}""";
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(base.formatted(UUID.randomUUID(), "U99999", "[]"))
                .when().post("/api/caseload/link-workers").then().statusCode(400).body("errors[0].field", equalTo("pcnCode"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(base.formatted(UUID.randomUUID(), PCN, "[\"B82005\"]"))
                .when().post("/api/caseload/link-workers").then().statusCode(400).body("errors[0].field", equalTo("practices[0]"))
                .body("errors[0].message", containsString("B82033"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(base.formatted(UUID.randomUUID(), PCN, "[]").replace("\"activeCaseCap\": 5", "\"activeCaseCap\": -1"))
                .when().post("/api/caseload/link-workers").then().statusCode(400).body("errors[0].field", equalTo("activeCaseCap"));
        String username = "dup-" + UUID.randomUUID();
        addLinkWorker(admin(), username, List.of("en"), 5, 50);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(base.formatted("x", PCN, "[]").replace("v-x", username))
                .when().post("/api/caseload/link-workers").then().statusCode(409).body("type", equalTo("urn:social-prescribing:problem:link-worker-exists"));
    }
}
