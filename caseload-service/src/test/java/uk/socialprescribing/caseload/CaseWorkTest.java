package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.socialprescribing.caseload.Caseloads.PCN;
import static uk.socialprescribing.caseload.Caseloads.PRACTICE;
import static uk.socialprescribing.caseload.Caseloads.addLinkWorker;
import static uk.socialprescribing.caseload.Caseloads.admin;
import static uk.socialprescribing.caseload.Caseloads.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralWithdrawn;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

/** After allocation: who sees which case, reassignment by hand, closure and what it frees, withdrawn referrals. */
@QuarkusTest
class CaseWorkTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseOpening caseOpening;

    @BeforeEach
    void emptyThePcn() {
        Caseloads.emptyThePcn(entityManager);
    }

    String caseFor(UUID referral) {
        QuarkusTransaction.requiringNew().run(() -> caseOpening.openFor(
                new ReferralAccepted(referral, PRACTICE, PCN, "routine", "en", false, Instant.now())));
        return given().auth().oauth2(admin()).queryParam("referralId", referral).when().get("/api/caseload/cases")
                .then().statusCode(200).extract().path("contents[0].id");
    }

    static String workerToken(String username) {
        return TestTokens.linkWorker(username, PCN);
    }

    static ValidatableResponse post(String token, String caseId, String move, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/caseload/cases/{id}/" + move, caseId).then();
    }

    static String etag(String caseId) {
        return given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", caseId).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aLinkWorkerSeesTheirOwnCasesAndTheirPcnsWaitingOnesOnly() {
        String ann = "ann-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        addLinkWorker(admin(), ann, List.of("en"), 1, 225);
        String annCase = caseFor(UUID.randomUUID());
        addLinkWorker(admin(), bob, List.of("en"), 1, 225);
        String bobCase = caseFor(UUID.randomUUID());
        String waiting = caseFor(UUID.randomUUID());

        given().auth().oauth2(workerToken(ann)).when().get("/api/caseload/cases").then().statusCode(200)
                .body("contents.id", hasItem(annCase)).body("contents.id", hasItem(waiting)).body("contents.id", not(hasItem(bobCase)));
        given().auth().oauth2(workerToken(ann)).when().get("/api/caseload/cases/{id}", bobCase).then().statusCode(404);
        given().auth().oauth2(workerToken(ann)).when().get("/api/caseload/me/caseload").then().statusCode(200)
                .body("cases.contents.id", equalTo(List.of(annCase)));
        given().auth().oauth2(lead(PCN)).queryParam("allocation", "ASSIGNED").when().get("/api/caseload/cases").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("contents.allocation", everyItem(equalTo("ASSIGNED")));
        given().auth().oauth2(lead("U84002")).when().get("/api/caseload/cases/{id}", annCase).then().statusCode(404);
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82033")).when().get("/api/caseload/cases").then().statusCode(403);
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/caseload/cases/{id}", annCase).then().statusCode(403);
        given().auth().oauth2(lead(PCN)).queryParam("allocation", "SOMETIMES").when().get("/api/caseload/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("allocation"));
    }

    @Test
    void closingACaseFreesItsPlaceForTheWaitingListAndAnnouncesTheClosure() {
        String worker = "closer-" + UUID.randomUUID();
        addLinkWorker(admin(), worker, List.of("en"), 1, 225);
        UUID referral = UUID.randomUUID();
        String first = caseFor(referral);
        String waiting = caseFor(UUID.randomUUID());
        post(workerToken(worker), first, "close", null, "{\"reason\": \"goals-met\"}").statusCode(428);
        post(workerToken(worker), first, "close", "\"5\"", "{\"reason\": \"goals-met\"}").statusCode(412);
        post(workerToken(worker), first, "close", etag(first), "{\"reason\": \"went-fishing\"}").statusCode(400);
        post(workerToken(worker), first, "close", etag(first), "{\"reason\": \"referral-withdrawn\"}").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post(workerToken(worker), first, "close", etag(first), "{\"reason\": \"goals-met\", \"summary\": \"" + "x".repeat(1001) + "\"}")
                .statusCode(400).body("errors[0].field", equalTo("summary"));
        post(workerToken(worker), first, "close", etag(first), "{\"reason\": \"goals-met\", \"summary\": \"Now walks every week.\", "
                + "\"nextSteps\": \"  \"}").statusCode(200)
                .body("status", equalTo("CLOSED")).body("closureReason", equalTo("goals-met"));
        post(workerToken(worker), first, "close", etag(first), "{\"reason\": \"goals-met\"}").statusCode(409)
                .body("type", equalTo("urn:social-prescribing:problem:case-closed"));
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", waiting).then()
                .body("allocation", equalTo("ASSIGNED"));

        List<Published> events = PublishedEvents.await(kafka, "caseload-events", 1, Duration.ofSeconds(30),
                p -> first.equals(p.key()) && "case.closed.v1".equals(p.event().getType()));
        assertEquals(1, events.size());
        assertEquals(List.of(), EventSchemas.violations(EventType.CASE_CLOSED, events.get(0).data()));
        assertEquals(referral.toString(), events.get(0).data().get("referralId").asText());
        assertEquals("goals-met", events.get(0).data().get("reason").asText());
        // the link worker's words for the referrer go with it (a blank one is none)
        assertEquals("Now walks every week.", events.get(0).data().get("summary").asText());
        assertTrue(events.get(0).data().path("nextSteps").isMissingNode() || events.get(0).data().get("nextSteps").isNull());
    }

    @Test
    void onlyTheCasesLinkWorkerOrALeadClosesIt() {
        String owner = "owner-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        addLinkWorker(admin(), owner, List.of("en"), 1, 225);
        String theirs = caseFor(UUID.randomUUID());
        addLinkWorker(admin(), other, List.of("en"), 1, 225);
        String waiting = caseFor(UUID.randomUUID());
        String waitingToo = caseFor(UUID.randomUUID());
        post(workerToken(other), theirs, "close", etag(theirs), "{\"reason\": \"disengaged\"}").statusCode(404);
        post(workerToken(other), waitingToo, "close", etag(waitingToo), "{\"reason\": \"disengaged\"}").statusCode(403);
        post(lead(PCN), waiting, "close", etag(waiting), "{\"reason\": \"moved-away\"}").statusCode(200);
    }

    @Test
    void aLeadReassignsByHandOnlyToALinkWorkerWithRoom() {
        String from = addLinkWorker(admin(), "from-" + UUID.randomUUID(), List.of("en"), 1, 225);
        String moving = caseFor(UUID.randomUUID());
        String to = addLinkWorker(admin(), "to-" + UUID.randomUUID(), List.of("en"), 2, 225);
        String a = caseFor(UUID.randomUUID());
        String b = caseFor(UUID.randomUUID());
        String waiting = caseFor(UUID.randomUUID());
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", waiting).then().body("allocation", equalTo("WAITING"));

        post(lead(PCN), moving, "assign", etag(moving), "{\"linkWorkerId\": \"" + to + "\"}").statusCode(409)
                .body("type", equalTo("urn:social-prescribing:problem:at-capacity"));
        post(lead(PCN), moving, "assign", etag(moving), "{\"linkWorkerId\": \"" + UUID.randomUUID() + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("linkWorkerId"));
        post(workerToken("someone"), moving, "assign", etag(moving), "{\"linkWorkerId\": \"" + to + "\"}").statusCode(403);
        post(lead("U84002"), moving, "assign", etag(moving), "{\"linkWorkerId\": \"" + to + "\"}").statusCode(404);

        // a closure frees a place: the waiting case takes it at once
        post(lead(PCN), a, "close", etag(a), "{\"reason\": \"goals-met\"}").statusCode(200);
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", waiting).then()
                .body("allocation", equalTo("ASSIGNED")).body("linkWorkerId", equalTo(to));
        post(lead(PCN), b, "close", etag(b), "{\"reason\": \"goals-met\"}").statusCode(200);
        post(lead(PCN), moving, "assign", etag(moving), "{\"linkWorkerId\": \"" + to + "\"}").statusCode(200)
                .body("linkWorkerId", equalTo(to));
        given().auth().oauth2(admin()).when().get("/api/caseload/link-workers/{id}", from).then()
                .body("activeCases", equalTo(0)).body("spareCapacity", equalTo(1));
        given().auth().oauth2(admin()).when().get("/api/caseload/link-workers/{id}", to).then()
                .body("activeCases", equalTo(2)).body("spareCapacity", equalTo(0));
    }

    @Test
    void aReferralWithdrawnWhileItsCaseWaitsLeavesTheWaitingList() {
        UUID referral = UUID.randomUUID();
        String waiting = caseFor(referral);
        given().auth().oauth2(admin()).when().get("/api/caseload/cases/{id}", waiting).then().body("allocation", equalTo("WAITING"));
        TestEvents.publish(kafka, "referral-service", new ReferralWithdrawn(referral, "person-changed-mind", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin())
                .when().get("/api/caseload/cases/{id}", waiting).then()
                .body("status", equalTo("CLOSED")).body("closureReason", equalTo("referral-withdrawn")));
        given().auth().oauth2(lead(PCN)).when().get("/api/caseload/waiting-list").then().body("length", equalTo(0));
    }
}
