package uk.socialprescribing.outcomes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.outcomes.measure.Instrument;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

/**
 * Link workers record validated measures for their own cases; each is scored and announced without the items'
 * wording or the person; the commissioners see the change from baseline with its confidence interval.
 */
@QuarkusTest
class MeasuresTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    final String pcn = "T2" + (int) (Math.random() * 9000 + 1000);
    final String worker = "lw-" + UUID.randomUUID();
    final List<UUID> cases = new ArrayList<>();

    @BeforeEach
    void eightCasesOfOneWorker() {
        for (int i = 0; i < 8; i++) {
            UUID caseId = UUID.randomUUID();
            cases.add(caseId);
            TestEvents.publish(kafka, "caseload-service", new CaseAssigned(caseId, UUID.randomUUID(), worker, pcn, Instant.now()));
        }
        // the assignments have reached outcomes once the worker may read every case (they travel on different partitions,
        // so in no particular order)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> cases.stream().allMatch(c -> given().auth()
                .oauth2(workerToken(worker)).when().get("/api/outcomes/cases/{id}/measurements", c).statusCode() == 200));
    }

    static String workerToken(String username) {
        return TestTokens.linkWorker(username, "U84002");
    }

    ValidatableResponse record(String token, UUID caseId, String instrument, String timepoint, Map<String, Integer> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("instrument", instrument);
        body.put("timepoint", timepoint);
        body.put("answers", answers);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/outcomes/measurements").then();
    }

    static Map<String, Integer> wemwbs(int total) {
        return ScoringTest.summingTo(Instrument.WEMWBS, total);
    }

    @Test
    void aMeasureIsScoredAnnouncedWithoutWordingAndItsChangeShown() {
        UUID caseId = cases.get(0);
        Map<String, Integer> swemwbs = ScoringTest.summingTo(Instrument.SWEMWBS, 22);
        String id = record(workerToken(worker), caseId, "SWEMWBS", "baseline", swemwbs).statusCode(201)
                .body("score", equalTo(19.98f)).body("raw", equalTo(22)).extract().path("id");
        record(workerToken(worker), caseId, "SWEMWBS", "exit", ScoringTest.summingTo(Instrument.SWEMWBS, 26)).statusCode(201)
                .body("score", equalTo(23.21f));
        record(workerToken(worker), caseId, "ONS4", "baseline", Map.of("life_satisfaction", 4, "worthwhile", 5, "happiness", 5, "anxiety", 7))
                .statusCode(201).body("bands.anxiety", equalTo("high"));
        record(workerToken(worker), caseId, "ONS4", "follow-up", Map.of("life_satisfaction", 6, "worthwhile", 5, "happiness", 5, "anxiety", 3))
                .statusCode(201);
        JsonPath read = given().auth().oauth2(workerToken(worker)).when().get("/api/outcomes/cases/{id}/measurements", caseId).then()
                .statusCode(200).extract().jsonPath();
        // SWEMWBS 19.98 -> 23.21: +3.23, meaningful (at least 3); ONS4 life satisfaction low -> medium, anxiety high -> low
        assertEquals(List.of("SWEMWBS", "ONS4.life_satisfaction", "ONS4.worthwhile", "ONS4.happiness", "ONS4.anxiety"), read.getList("changes.measure"));
        assertEquals(3.23f, read.getFloat("changes[0].change"));
        assertEquals(List.of(true, true, false, false, true), read.getList("changes.improved"));
        // the line each baseline sets: SWEMWBS 3 metric points up; life satisfaction 4 (low) reaches medium at 5, worthwhile
        // and happiness 5 (medium) reach high at 7; anxiety 7 (high) must fall to 5 (medium), where lower is better
        assertEquals(read.getList("changes.measure"), read.getList("targets.measure"));
        assertEquals(List.of(22.98f, 5, 7, 7, 5), read.getList("targets.improvedAt"));
        assertEquals(List.of(true, true, true, true, false), read.getList("targets.higherIsBetter"));

        // announced: scores by item id, the network; nothing else of the person
        var events = PublishedEvents.await(kafka, "outcome-events", 1, Duration.ofSeconds(30), p -> id.equals(p.data().path("measurementId").asText()));
        JsonNode data = events.get(0).data();
        assertEquals(List.of(), EventSchemas.violations(EventType.OUTCOME_RECORDED, data));
        Map<String, Integer> announced = new LinkedHashMap<>();
        data.get("scores").fields().forEachRemaining(f -> announced.put(f.getKey(), f.getValue().asInt()));
        assertEquals(swemwbs, announced);
        assertEquals(pcn, data.get("pcnCode").asText());
        assertEquals("19.98", data.get("score").decimalValue().toPlainString());
        // the day it was completed travels with it, for the referrer's message
        assertEquals(LocalDate.now(java.time.ZoneId.of("Europe/London")).toString(), data.get("completedOn").asText());
    }

    @Test
    void aLeadWhoCarriesCasesRecordsTheirMeasuresAndAPaperOneKeepsTheDayItWasFilledIn() {
        // a lead's own case (assigned to them, as caseload does for a lead who carries cases)
        String lead = "lead-" + UUID.randomUUID();
        UUID own = UUID.randomUUID();
        TestEvents.publish(kafka, "caseload-service", new CaseAssigned(own, UUID.randomUUID(), lead, pcn, Instant.now()));
        String leadToken = TestTokens.lead(lead, pcn);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(leadToken).when()
                .get("/api/outcomes/cases/{id}/measurements", own).statusCode() == 200);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        Map<String, Object> paper = new LinkedHashMap<>(Map.of("caseId", own, "instrument", "UCLA3", "timepoint", "baseline",
                "answers", Map.of("ucla_1", 2, "ucla_2", 3, "ucla_3", 2), "completedOn", today.minusDays(7).toString()));
        given().auth().oauth2(leadToken).contentType(ContentType.JSON).body(paper).when().post("/api/outcomes/measurements").then()
                .statusCode(201).body("recordedBy", equalTo(lead)).body("completedOn", equalTo(today.minusDays(7).toString()));
        // a follow-up entered first but completed later still comes after the baseline: the change is from the paper one
        Map<String, Object> followUp = new LinkedHashMap<>(paper);
        followUp.put("timepoint", "follow-up");
        followUp.put("answers", Map.of("ucla_1", 1, "ucla_2", 2, "ucla_3", 2));
        followUp.remove("completedOn");
        given().auth().oauth2(leadToken).contentType(ContentType.JSON).body(followUp).when().post("/api/outcomes/measurements").then()
                .statusCode(201).body("completedOn", equalTo(today.toString()));
        JsonPath read = given().auth().oauth2(leadToken).when().get("/api/outcomes/cases/{id}/measurements", own).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("baseline", "follow-up"), read.getList("measurements.timepoint"));
        assertEquals(-2.0f, read.getFloat("changes[0].change"));
        // UCLA3 7 at baseline: one point lower (6) is the line, and lower is better
        assertEquals(6.0f, read.getFloat("targets[0].improvedAt"));
        assertEquals(false, read.getBoolean("targets[0].higherIsBetter"));
        // a lead of the network may record for the network's other cases too; a day in the future is refused, named
        record(leadToken, cases.get(0), "UCLA3", "baseline", Map.of("ucla_1", 2, "ucla_2", 2, "ucla_3", 2)).statusCode(201);
        Map<String, Object> tomorrow = new LinkedHashMap<>(paper);
        tomorrow.put("completedOn", today.plusDays(1).toString());
        given().auth().oauth2(leadToken).contentType(ContentType.JSON).body(tomorrow).when().post("/api/outcomes/measurements").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("completedOn"))
                .body("errors[0].rule", equalTo("NotInTheFuture"));
        // a lead of another network may not
        record(TestTokens.lead("lead-elsewhere", "U84005"), own, "UCLA3", "baseline",
                Map.of("ucla_1", 2, "ucla_2", 2, "ucla_3", 2)).statusCode(404);
    }

    @Test
    void onlyTheCasesLinkWorkerRecordsAndBadAnswersAreNamed() {
        UUID caseId = cases.get(1);
        record(workerToken("lw-someone-else"), caseId, "WEMWBS", "baseline", wemwbs(40)).statusCode(404).contentType("application/problem+json");
        record(workerToken(worker), UUID.randomUUID(), "WEMWBS", "baseline", wemwbs(40)).statusCode(404).contentType("application/problem+json");
        record(TestTokens.commissioner(), caseId, "WEMWBS", "baseline", wemwbs(40)).statusCode(403);
        Map<String, Integer> outOfRange = new LinkedHashMap<>(wemwbs(40));
        outOfRange.put("wemwbs_3", 6);
        record(workerToken(worker), caseId, "WEMWBS", "baseline", outOfRange).statusCode(400).body("errors[0].field", equalTo("answers.wemwbs_3"));
        Map<String, Integer> missing = new LinkedHashMap<>(wemwbs(40));
        missing.remove("wemwbs_14");
        record(workerToken(worker), caseId, "WEMWBS", "baseline", missing).statusCode(400).body("errors[0].field", equalTo("answers.wemwbs_14"));
        record(workerToken(worker), caseId, "ONS4", "baseline", Map.of("life_satisfaction", 4, "worthwhile", 5, "happiness", 5, "anxiety", 7,
                "mood", 3)).statusCode(400).body("errors[0].field", equalTo("answers.mood"));
        // every bad answer of a questionnaire, in one answer
        Map<String, Integer> several = new LinkedHashMap<>(wemwbs(40));
        several.put("wemwbs_2", 0);
        several.put("wemwbs_9", 6);
        several.remove("wemwbs_14");
        record(workerToken(worker), caseId, "WEMWBS", "baseline", several).statusCode(400).body("detail", equalTo("3 fields are not valid"))
                .body("errors.field", equalTo(List.of("answers.wemwbs_2", "answers.wemwbs_9", "answers.wemwbs_14")));
        record(workerToken(worker), caseId, "GAD7", "baseline", Map.of()).statusCode(400).body("errors[0].field", equalTo("instrument"));
        record(workerToken(worker), caseId, "WEMWBS", "halfway", wemwbs(40)).statusCode(400).body("errors[0].field", equalTo("timepoint"));
        // a bad timepoint and bad answers are named together, not the first alone
        Map<String, Integer> tooHigh = new LinkedHashMap<>(wemwbs(40));
        tooHigh.put("wemwbs_1", 9);
        record(workerToken(worker), caseId, "WEMWBS", "halfway", tooHigh).statusCode(400)
                .body("errors.field", equalTo(List.of("answers.wemwbs_1", "timepoint")));
        given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON).body("{\"caseId\": \"x\"").when().post("/api/outcomes/measurements")
                .then().statusCode(400).contentType("application/problem+json");
        // reading: the worker, a lead of the case's network; not a lead elsewhere
        given().auth().oauth2(TestTokens.lead(pcn)).when()
                .get("/api/outcomes/cases/{id}/measurements", caseId).then().statusCode(200);
        given().auth().oauth2(TestTokens.lead("lead-elsewhere", "U84005")).when()
                .get("/api/outcomes/cases/{id}/measurements", caseId).then().statusCode(404);
        given().auth().oauth2(workerToken("lw-someone-else")).when().get("/api/outcomes/cases/{id}/measurements", caseId).then().statusCode(404);
    }

    @Test
    void aRetryWithItsIdempotencyKeyRecordsOnceAndIsAnsweredAsTheFirstTime() {
        UUID caseId = cases.get(2);
        Map<String, Object> body = Map.of("caseId", caseId, "instrument", "UCLA3", "timepoint", "baseline",
                "answers", Map.of("ucla_1", 2, "ucla_2", 3, "ucla_3", 1));
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(workerToken(worker)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/outcomes/measurements").then().statusCode(201).header("Location", endsWith("/api/outcomes/cases/" + caseId
                        + "/measurements")).extract().path("id");
        given().auth().oauth2(workerToken(worker)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/outcomes/measurements").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(workerToken(worker)).when().get("/api/outcomes/cases/{id}/measurements", caseId).then().statusCode(200)
                .body("measurements", hasSize(1));
        // the key again with other answers is refused, and nothing is recorded
        given().auth().oauth2(workerToken(worker)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "instrument", "UCLA3", "timepoint", "baseline", "answers", Map.of("ucla_1", 1, "ucla_2", 1, "ucla_3", 1)))
                .when().post("/api/outcomes/measurements").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(workerToken(worker)).when().get("/api/outcomes/cases/{id}/measurements", caseId).then().body("measurements", hasSize(1));
    }

    @Test
    void commissionersSeeTheMeanChangeWithItsIntervalAndTheShareImproved() {
        // WEMWBS 40 at baseline, 40 + k at follow-up for k = 1..8: changes 1..8, mean 4.5, 95% CI 2.45 to 6.55 (Student's t,
        // 7 degrees of freedom), improved by at least 3 points: k = 3..8, 6 of 8 = 75%.
        // UCLA3 6 at baseline; 5 for three people, 6 for five: mean -0.375, improved (1 point lower) 3 of 8 = 37.5%
        for (int k = 1; k <= 8; k++) {
            UUID caseId = cases.get(k - 1);
            record(workerToken(worker), caseId, "WEMWBS", "baseline", wemwbs(40)).statusCode(201);
            record(workerToken(worker), caseId, "WEMWBS", "follow-up", wemwbs(40 + k)).statusCode(201);
            record(workerToken(worker), caseId, "UCLA3", "baseline", Map.of("ucla_1", 2, "ucla_2", 2, "ucla_3", 2)).statusCode(201);
            record(workerToken(worker), caseId, "UCLA3", "follow-up", k <= 3 ? Map.of("ucla_1", 1, "ucla_2", 2, "ucla_3", 2)
                    : Map.of("ucla_1", 2, "ucla_2", 2, "ucla_3", 2)).statusCode(201);
        }
        String today = LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        JsonPath measures = MetricsTest.metric("/api/outcomes/metrics/outcome-measures", "pcn", pcn, "from", today, "to", today);
        // below the whole area: 8 people shown as 10, the interval to one place (2.4522 and 6.5478); 6 and 3 improved are
        // counts of 1 to 7, suppressed, and their shares with them (75% beside 10 would say 6 of 8)
        assertEquals(Arrays.asList(10, 4.5, 2.5, 6.5, null, null), MetricsTest.values(MetricsTest.row(measures, "measure", "WEMWBS"), "people",
                "mean_change", "ci95_low", "ci95_high", "improved", "improved_percent"));
        assertEquals(Arrays.asList(10, -0.4, null, null), MetricsTest.values(MetricsTest.row(measures, "measure", "UCLA3"), "people", "mean_change",
                "improved", "improved_percent"));
        // nobody has ONS4 here: nothing to show, and nothing suppressed for it
        assertEquals(Arrays.asList(0, null), MetricsTest.values(MetricsTest.row(measures, "measure", "ONS4.happiness"), "people", "mean_change"));
    }
}
