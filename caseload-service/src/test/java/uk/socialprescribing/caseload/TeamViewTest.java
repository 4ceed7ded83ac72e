package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static uk.socialprescribing.caseload.Caseloads.PCN;
import static uk.socialprescribing.caseload.Caseloads.addLinkWorker;
import static uk.socialprescribing.caseload.Caseloads.admin;
import static uk.socialprescribing.caseload.Caseloads.lead;
import static uk.socialprescribing.caseload.CaseWorkTest.workerToken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.testing.TestTokens;

/** What a link worker and a lead see of the work: my caseload with its next sessions and flags, and the team view. */
@QuarkusTest
class TeamViewTest {

    @Inject
    EntityManager entityManager;

    @Inject
    CaseOpening caseOpening;

    String worker;

    @BeforeEach
    void aLinkWorker() {
        Caseloads.emptyThePcn(entityManager);
        worker = "team-" + UUID.randomUUID();
        addLinkWorker(admin(), worker, List.of("en"), 3, 225);
    }

    String openCase(String urgency) {
        return Caseloads.openCase(caseOpening, urgency);
    }

    String schedule(String caseId, Instant at) {
        return given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON)
                .body("{\"kind\": \"follow-up\", \"mode\": \"phone\", \"scheduledFor\": \"%s\", \"durationMinutes\": 30}".formatted(at))
                .when().post("/api/caseload/cases/{id}/sessions", caseId).then().statusCode(201).extract().path("id");
    }

    void attend(String caseId, Instant at) {
        String session = schedule(caseId, at);
        given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"outcome\": \"attended\"}").when().post("/api/caseload/cases/{id}/sessions/{s}/record", caseId, session)
                .then().statusCode(200);
    }

    @Test
    void myCaseloadShowsNextSessionsAgainstThePlanAndWhatIsOverdue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String booked = openCase("routine");
        attend(booked, now.minus(3, ChronoUnit.DAYS));
        Instant next = now.plus(4, ChronoUnit.DAYS);
        schedule(booked, next);
        String overdue = openCase("routine");
        attend(overdue, now.minus(30, ChronoUnit.DAYS));
        String unrecorded = openCase("urgent");
        schedule(unrecorded, now.minus(2, ChronoUnit.DAYS));

        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/me/caseload").then().statusCode(200)
                .body("activeCases", equalTo(3)).body("activeCaseCap", equalTo(3)).body("yearlyCap", equalTo(225))
                .body("cases.totalItems", equalTo(3))
                .body("flagged.'follow-up-overdue'", equalTo(1)).body("flagged.'session-unrecorded'", equalTo(1))
                .body("cases.contents.find { it.id == '%s' }.nextSessionAt".formatted(booked), equalTo(next.toString()))
                .body("cases.contents.find { it.id == '%s' }.sessionsAttended".formatted(booked), equalTo(1))
                .body("cases.contents.find { it.id == '%s' }.flags".formatted(booked), equalTo(List.of()))
                .body("cases.contents.find { it.id == '%s' }.flags".formatted(overdue), hasItem("follow-up-overdue"))
                .body("cases.contents.find { it.id == '%s' }.unrecordedSessions".formatted(unrecorded), equalTo(1))
                .body("cases.contents.find { it.id == '%s' }.flags".formatted(unrecorded), hasItem("session-unrecorded"));
        given().auth().oauth2(workerToken(worker)).queryParam("flag", "follow-up-overdue").when().get("/api/caseload/me/caseload")
                .then().statusCode(200).body("cases.totalItems", equalTo(1)).body("cases.contents[0].id", equalTo(overdue));
        given().auth().oauth2(lead(PCN)).queryParam("flag", "session-unrecorded").when().get("/api/caseload/cases")
                .then().statusCode(200).body("contents.id", equalTo(List.of(unrecorded)));
        given().auth().oauth2(workerToken(worker)).queryParam("flag", "late").when().get("/api/caseload/me/caseload")
                .then().statusCode(400).body("errors[0].field", equalTo("flag"));

        // booking the overdue case's next session clears its flag
        schedule(overdue, now.plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/cases/{id}", overdue).then()
                .body("flags", not(hasItem("follow-up-overdue"))).body("lastContactAt", notNullValue());
    }

    @Test
    void theTeamViewShowsEachWorkersLoadAgainstTheirCapsTheirFlagsAndTheWaitingList() {
        String missed = openCase("routine");
        for (int i = 2; i >= 1; i--) {
            String session = schedule(missed, Instant.now().minus(i, ChronoUnit.DAYS));
            given().auth().oauth2(workerToken(worker)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"outcome\": \"did-not-attend\"}").when()
                    .post("/api/caseload/cases/{id}/sessions/{s}/record", missed, session).then().statusCode(200);
        }
        openCase("routine");
        openCase("routine");
        openCase("urgent"); // the fourth waits: the only worker's cap is 3

        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/team").then().statusCode(200)
                .body("pcnCode", equalTo(PCN))
                .body("linkWorkers", hasSize(1))
                .body("linkWorkers[0].username", equalTo(worker))
                .body("linkWorkers[0].activeCases", equalTo(3)).body("linkWorkers[0].activeCaseCap", equalTo(3))
                .body("linkWorkers[0].spare", equalTo(0))
                .body("linkWorkers[0].flagged.'missed-two-in-a-row'", equalTo(1))
                .body("waitingList.length", equalTo(1)).body("waitingList.urgent", equalTo(1))
                .body("waitingList.cases[0].urgency", equalTo("urgent"));
        given().auth().oauth2(admin()).queryParam("pcn", PCN).when().get("/api/caseload/team").then().statusCode(200)
                .body("linkWorkers", hasSize(1));
        // an admin belongs to no PCN: without one named, the parameter is what is missing, not a claim of their token
        for (String path : java.util.List.of("/api/caseload/team", "/api/caseload/waiting-list", "/api/caseload/link-workers")) {
            given().auth().oauth2(admin()).when().get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("pcn"));
        }
        given().auth().oauth2(lead("U84002")).queryParam("pcn", PCN).when().get("/api/caseload/team").then().statusCode(403);
        given().auth().oauth2(workerToken(worker)).when().get("/api/caseload/team").then().statusCode(403);
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/caseload/team").then().statusCode(403);
    }
}
