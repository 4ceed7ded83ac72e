package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.socialprescribing.caseload.Caseloads.PCN;
import static uk.socialprescribing.caseload.Caseloads.addLinkWorker;
import static uk.socialprescribing.caseload.Caseloads.admin;
import static uk.socialprescribing.caseload.Caseloads.lead;
import static uk.socialprescribing.caseload.CaseWorkTest.workerToken;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.testing.TestTokens;

/** The personalised care and support plan: versioned, every version readable, goals followed by id, private to the case's workers. */
@QuarkusTest
class CarePlanTest {

    static final String FIRST = """
            {"whatMatters": "Getting out of the house more; I used to love the allotment.",
             "goals": [{"description": "Go to a gardening group", "progress": "not-started", "targetDate": "2027-01-31"},
                       {"description": "Walk to the shops", "progress": "not-started"}],
             "actions": [{"description": "Ring the garden project", "owner": "link-worker", "dueBy": "2026-12-05"}],
             "changeSummary": "First plan"}""";

    @Inject
    EntityManager entityManager;

    @Inject
    CaseOpening caseOpening;

    String worker;
    String caseId;

    @BeforeEach
    void aCaseWithItsLinkWorker() {
        Caseloads.emptyThePcn(entityManager);
        worker = "plans-" + UUID.randomUUID();
        addLinkWorker(admin(), worker, List.of("en"), 5, 225);
        caseId = Caseloads.openCase(caseOpening, "routine");
    }

    ValidatableResponse put(String token, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/caseload/cases/{id}/plan", caseId).then();
    }

    @Test
    void anUnknownProgressOrOwnerIsNamedWithTheCodesItCanBe() {
        put(workerToken(worker), null, FIRST.replace("\"progress\": \"not-started\", \"targetDate\"", "\"progress\": \"halfway\", \"targetDate\""))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("goals[0].progress"))
                .body("errors[0].message", equalTo("cannot be read as one of not-started some-progress mostly-achieved achieved no-longer-relevant"));
        put(workerToken(worker), null, FIRST.replace("\"owner\": \"link-worker\"", "\"owner\": \"the gp\""))
                .statusCode(400).body("errors[0].field", equalTo("actions[0].owner"))
                .body("errors[0].message", equalTo("cannot be read as one of person link-worker someone-else"));
    }

    @Test
    void everyRevisionIsANewVersionAndEveryVersionStaysReadable() {
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(404)
                .body("type", equalTo("urn:social-prescribing:problem:plan-not-found"));
        put(workerToken(worker), null, FIRST).statusCode(200).header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1)).body("plannedSessions", equalTo(6))
                .body("goals.id", equalTo(List.of("g1", "g2"))).body("createdBy", equalTo(worker));

        // the second version moves g1 on, drops g2 and adds a goal, which gets the next id
        String second = """
                {"whatMatters": "Getting out of the house more.", "plannedSessions": 8,
                 "goals": [{"id": "g1", "description": "Go to a gardening group", "progress": "some-progress"},
                           {"description": "Meet a friend for coffee", "progress": "not-started"}],
                 "actions": [{"description": "Ring the garden project", "owner": "link-worker", "done": true}],
                 "changeSummary": "Went to a taster"}""";
        put(workerToken(worker), "\"1\"", second).statusCode(200).header("ETag", equalTo("\"2\""))
                .body("goals.id", equalTo(List.of("g1", "g3"))).body("goals[0].progress", equalTo("some-progress"))
                .body("actions[0].done", equalTo(true));

        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("version", equalTo(2)).body("plannedSessions", equalTo(8));
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/plan/versions/1", caseId).then().statusCode(200)
                .body("whatMatters", equalTo("Getting out of the house more; I used to love the allotment."))
                .body("goals", hasSize(2)).body("goals[1].id", equalTo("g2")).body("changeSummary", equalTo("First plan"));
        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/cases/{id}/plan/versions", caseId).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("changeSummary", equalTo(List.of("First plan", "Went to a taster")));
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/plan/versions/3", caseId).then().statusCode(404)
                .body("type", equalTo("urn:social-prescribing:problem:plan-version-not-found"));
        // the case shows where its plan stands
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", caseId).then()
                .body("planVersion", equalTo(2)).body("plannedSessions", equalTo(8));
    }

    @Test
    void aRevisionNeedsTheCurrentEtagSoThatNobodysChangeIsLost() {
        put(workerToken(worker), null, FIRST).statusCode(200);
        put(workerToken(worker), null, FIRST).statusCode(428);
        put(lead(PCN), "\"1\"", FIRST).statusCode(200).header("ETag", equalTo("\"2\""));
        // the link worker still holds version 1
        put(workerToken(worker), "\"1\"", FIRST).statusCode(412).header("ETag", equalTo("\"2\""));
    }

    @Test
    void aGoalIdMustNameAGoalOfTheCurrentPlanOnce() {
        put(workerToken(worker), null, FIRST).statusCode(200);
        put(workerToken(worker), "\"1\"", """
                {"whatMatters": "x", "goals": [{"id": "g7", "description": "A goal", "progress": "achieved"}]}""")
                .statusCode(400).body("errors[0].field", equalTo("goals[0].id")).body("errors[0].rule", equalTo("KnownGoal"));
        put(workerToken(worker), "\"1\"", """
                {"whatMatters": "x", "goals": [{"id": "g1", "description": "A", "progress": "achieved"},
                 {"id": "g1", "description": "B", "progress": "achieved"}]}""")
                .statusCode(400).body("errors[0].field", equalTo("goals[1].id")).body("errors[0].rule", equalTo("UniqueGoal"));
    }

    @Test
    void aPlanThatBreaksARuleIsRefusedNamingTheField() {
        put(workerToken(worker), null, """
                {"whatMatters": " ", "goals": []}""").statusCode(400).body("errors[0].field", equalTo("whatMatters"));
        put(workerToken(worker), null, """
                {"whatMatters": "x", "plannedSessions": 40, "goals": []}""").statusCode(400).body("errors[0].field", equalTo("plannedSessions"));
        put(workerToken(worker), null, """
                {"whatMatters": "x", "goals": [{"description": "A", "progress": "nearly"}]}""").statusCode(400);
        put(workerToken(worker), null, """
                {"whatMatters": "x", "goals": [{"description": "A"}]}""").statusCode(400)
                .body("errors[0].field", equalTo("goals[0].progress"));
        put(workerToken(worker), null, """
                {"whatMatters": "x", "goals": [], "mood": "good"}""").statusCode(400);
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(404);
    }

    @Test
    void onlyTheCasesLinkWorkerAndTheirLeadReadOrWriteThePlan() {
        put(workerToken(worker), null, FIRST).statusCode(200);
        String other = "other-" + UUID.randomUUID();
        addLinkWorker(admin(), other, List.of("en"), 5, 225);
        given().auth().oauth2(workerToken(other)).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(404);
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(403);
        given().auth().oauth2(lead("U84002")).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(404);
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(403);
        put(workerToken(other), "\"1\"", FIRST).statusCode(404);
        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/cases/{id}/plan", caseId).then().statusCode(200);
        // each read of the plan is audited, the refused ones are not; so is this read of the audit, newest first
        given().auth().oauth2(admin()).queryParam("subjectId", caseId).when().get("/api/caseload/audit").then().statusCode(200)
                .body("contents.readBy[1]", equalTo("lead-" + PCN)).body("contents.purpose", equalTo(List.of("audit-log", "care-plan")))
                .body("contents.subjectId", equalTo(List.of(caseId, caseId)));
        given().auth().oauth2(lead(PCN)).queryParam("subjectId", caseId).when().get("/api/caseload/audit").then().statusCode(403);
        given().auth().oauth2(admin()).queryParam("subjectId", "case-1").when().get("/api/caseload/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));
    }
}
