package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.socialprescribing.referral.Referrals.PCN;
import static uk.socialprescribing.referral.Referrals.PRACTICE;
import static uk.socialprescribing.referral.Referrals.accept;
import static uk.socialprescribing.referral.Referrals.decide;
import static uk.socialprescribing.referral.Referrals.etag;
import static uk.socialprescribing.referral.Referrals.gp;
import static uk.socialprescribing.referral.Referrals.linkWorker;
import static uk.socialprescribing.referral.Referrals.refer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.TestTokens;

/** Triage as a state machine guarded by ETags; who sees which referrals; the queue, its filters and deadlines. */
@QuarkusTest
class TriageTest {

    static final String DECLINE = "{\"reason\": \"needs-clinical-care\", \"note\": \"Community mental health team first\"}";
    static final String REDIRECT = "{\"to\": \"Harrogate Citizens Advice\", \"reason\": \"debt-advice\"}";
    static final String WITHDRAW = "{\"reason\": \"person-changed-mind\"}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PersonalDataReads reads;

    @Inject
    EntityManager entityManager;

    @Test
    void acceptingPublishesWhatCaseloadAllocatesOnAfterReferralReceived() {
        String id = refer(PRACTICE);
        accept(id).statusCode(200).body("status", equalTo("ACCEPTED")).header("ETag", equalTo("\"1\""))
                .body("decision.by", startsWith("lw-"));
        List<Published> events = PublishedEvents.await(kafka, "referral-events", 3, Duration.ofSeconds(30), p -> id.equals(p.key()));
        // the consents the referral came with follow its receipt, so that other services honour them from the start
        assertEquals(List.of("referral.received.v1", "consent.changed.v1", "referral.accepted.v1"),
                events.stream().map(p -> p.event().getType()).toList());
        assertEquals(List.of(), EventSchemas.violations(EventType.CONSENT_CHANGED, events.get(1).data()));
        var accepted = events.get(2).data();
        assertEquals(List.of(), EventSchemas.violations(EventType.REFERRAL_ACCEPTED, accepted));
        assertEquals(PRACTICE, accepted.get("practiceOdsCode").asText());
        assertEquals(PCN, accepted.get("pcnCode").asText());
        assertEquals("routine", accepted.get("urgency").asText());
        assertEquals("en", accepted.get("language").asText());
        assertTrue(!accepted.toString().contains("Smith") && !accepted.toString().contains("07700"), accepted.toString());
    }

    @Test
    void decliningRedirectingAndWithdrawingEachPublishTheirEvent() {
        String declined = refer(PRACTICE);
        String token = linkWorker(PCN);
        decide(token, declined, "decline", etag(token, declined), DECLINE).statusCode(200)
                .body("status", equalTo("DECLINED")).body("decision.reason", equalTo("needs-clinical-care"))
                .body("decision.note", equalTo("Community mental health team first"));
        String redirected = refer(PRACTICE);
        decide(token, redirected, "redirect", etag(token, redirected), REDIRECT).statusCode(200)
                .body("status", equalTo("REDIRECTED")).body("decision.redirectedTo", equalTo("Harrogate Citizens Advice"));
        String withdrawn = refer(PRACTICE);
        decide(gp(PRACTICE), withdrawn, "withdraw", etag(gp(PRACTICE), withdrawn), WITHDRAW).statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("decision.reason", equalTo("person-changed-mind"));

        Map<String, String> expected = Map.of(declined, "referral.declined.v1", redirected, "referral.redirected.v1",
                withdrawn, "referral.withdrawn.v1");
        List<Published> events = PublishedEvents.await(kafka, "referral-events", 9, Duration.ofSeconds(30),
                p -> expected.containsKey(p.key()));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<Published> of = events.stream().filter(p -> p.key().equals(e.getKey())).toList();
            assertEquals(List.of("referral.received.v1", "consent.changed.v1", e.getValue()), of.stream().map(p -> p.event().getType()).toList());
            EventType type = EventType.fromCloudEventType(e.getValue()).orElseThrow();
            assertEquals(List.of(), EventSchemas.violations(type, of.get(2).data()));
        }
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheCurrentState() {
        String id = refer(PRACTICE);
        String token = linkWorker(PCN);
        decide(token, id, "decline", "\"0\"", DECLINE).statusCode(200);
        decide(token, id, "accept", "\"1\"", null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:illegal-transition"))
                .body("detail", containsString("DECLINED"));
        decide(gp(PRACTICE), id, "withdraw", "\"1\"", WITHDRAW).statusCode(409).body("detail", containsString("DECLINED"));
        String accepted = refer(PRACTICE);
        accept(accepted).statusCode(200);
        decide(token, accepted, "redirect", "\"1\"", REDIRECT).statusCode(409).body("detail", containsString("ACCEPTED"));
        // an accepted referral can still be withdrawn by its referrer
        decide(gp(PRACTICE), accepted, "withdraw", "\"1\"", WITHDRAW).statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void aWriteWithoutIfMatchIsPreconditionRequiredAndAStaleOneFails() {
        String id = refer(PRACTICE);
        String token = linkWorker(PCN);
        decide(token, id, "accept", null, null).statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        decide(token, id, "accept", "\"7\"", null).statusCode(412).contentType("application/problem+json")
                .header("ETag", equalTo("\"0\"")).body("detail", containsString("changed since you read it"));
        decide(token, id, "accept", "nonsense", null).statusCode(412);
        decide(token, id, "accept", "W/\"0\"", null).statusCode(200);
        // the referral as read before the acceptance is stale now
        decide(token, id, "decline", "\"0\"", DECLINE).statusCode(412).header("ETag", equalTo("\"1\""));
    }

    @Test
    void linkWorkersDecidingAtTheSameMomentGetOneSuccessAndStaleAnswersNeverAServerError() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = refer(PRACTICE);
            String token = linkWorker(PCN);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Callable<Integer>> moves = Collections.nCopies(6, () -> decide(token, id, "accept", "\"0\"", null)
                        .extract().statusCode());
                for (Future<Integer> status : pool.invokeAll(moves)) {
                    statuses.add(status.get());
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
            assertEquals(5, Collections.frequency(statuses, 412), statuses.toString());
        }
    }

    @Test
    void aTriageRetryWithItsIdempotencyKeyReplaysTheDecision() {
        String id = refer(PRACTICE);
        String token = linkWorker(PCN);
        String key = UUID.randomUUID().toString();
        var first = given().auth().oauth2(token).header("If-Match", "\"0\"").header("Idempotency-Key", key)
                .when().post("/api/referrals/{id}/accept", id).then().statusCode(200).extract();
        given().auth().oauth2(token).header("If-Match", "\"0\"").header("Idempotency-Key", key)
                .when().post("/api/referrals/{id}/accept", id)
                .then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", equalTo(first.header("ETag")))
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aReferrerSeesOnlyItsOwnOrganisationsReferrals() {
        String id = refer(PRACTICE);
        given().auth().oauth2(gp(PRACTICE)).when().get("/api/referrals/{id}", id).then().statusCode(200).header("ETag", equalTo("\"0\""));
        long before = reads.search(UUID.fromString(id), null, PageRequest.first()).totalItems();
        given().auth().oauth2(gp("B82018")).when().get("/api/referrals/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, reads.search(UUID.fromString(id), null, PageRequest.first()).totalItems(), "a denied read was audited as a read");
        given().auth().oauth2(gp("B82018")).queryParam("size", 100).when().get("/api/referrals")
                .then().statusCode(200).body("contents.referrerOrganisation", everyItem(equalTo("B82018")))
                .body("contents.id", not(hasItem(id)));
        decide(gp("B82018"), id, "withdraw", "\"0\"", WITHDRAW).statusCode(404);
    }

    @Test
    void linkWorkersSeeOnlyTheirPcnsReferralsAndCannotTriageAnothers() {
        String id = refer(PRACTICE);
        given().auth().oauth2(linkWorker(Referrals.OTHER_PCN)).when().get("/api/referrals/{id}", id).then().statusCode(404);
        decide(linkWorker(Referrals.OTHER_PCN), id, "accept", "\"0\"", null).statusCode(404);
        given().auth().oauth2(linkWorker(Referrals.OTHER_PCN)).queryParam("size", 100).when().get("/api/referrals")
                .then().statusCode(200).body("contents.pcnCode", everyItem(equalTo(Referrals.OTHER_PCN)));
        given().auth().oauth2(linkWorker(PCN)).when().get("/api/referrals/{id}", id).then().statusCode(200);
        String lead = TestTokens.lead("priya.shah", PCN);
        given().auth().oauth2(lead).when().get("/api/referrals/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.withRoles("lw-no-pcn", List.of("link-worker"), Map.of()))
                .when().get("/api/referrals").then().statusCode(403).body("detail", containsString("pcn"));
    }

    @Test
    void adminSeesAllAndOtherRolesAreForbidden() {
        String id = refer(PRACTICE);
        given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestTokens.commissioner()).when().get("/api/referrals/{id}", id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withRoles("vcse", List.of("vcse-partner"), Map.of("organisation_id", "x")))
                .when().get("/api/referrals").then().statusCode(403);
        decide(Referrals.admin(), id, "accept", "\"0\"", null).statusCode(403);
    }

    @Test
    void theQueueFiltersByStatusReasonReferrerAndDateAndPagesWithLinks() {
        String mine = refer("B82026");
        String other = refer("B82026");
        accept(other).statusCode(200);
        String token = linkWorker(PCN);
        given().auth().oauth2(token).queryParam("referrerOrganisation", "B82026").queryParam("status", "RECEIVED")
                .queryParam("size", 100).when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", hasItem(mine)).body("contents.id", not(hasItem(other)))
                .body("contents.status", everyItem(equalTo("RECEIVED")));
        given().auth().oauth2(token).queryParam("reason", "bereavement").queryParam("size", 100).when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", hasItem(mine));
        given().auth().oauth2(token).queryParam("reason", "housing").queryParam("referrerOrganisation", "B82026")
                .when().get("/api/referrals").then().statusCode(200).body("contents.id", not(hasItem(mine)));
        given().auth().oauth2(token).queryParam("receivedFrom", "2020-01-01").queryParam("receivedTo", "2020-12-31")
                .when().get("/api/referrals").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(token).queryParam("size", 1).queryParam("page", 2).queryParam("referrerOrganisation", "B82026")
                .when().get("/api/referrals")
                .then().statusCode(200).body("contents.size()", equalTo(1)).body("totalItems", greaterThanOrEqualTo(2))
                .body("links.prev", containsString("page=1")).body("links.self", containsString("referrerOrganisation=B82026"))
                .body("links.first", containsString("page=1")).body("links.last", containsString("referrerOrganisation=B82026"));
    }

    /** A referral from the practice for a person of this name and NHS number (null: none), at this urgency. */
    static String referPerson(String practice, String nhsNumber, String given, String family, String urgency) {
        String body = Referrals.body(nhsNumber == null ? "NONE" : nhsNumber).replace("\"Richard\"", "\"" + given + "\"")
                .replace("\"Smith\"", "\"" + family + "\"").replace("\"urgency\": \"routine\"", "\"urgency\": \"" + urgency + "\"");
        if (nhsNumber == null) {
            body = body.replace("\"nhsNumber\": \"NONE\", ", "");
        }
        return Referrals.post(nhsNumber == null ? Referrals.housingAssociation() : gp(practice), body).statusCode(201).extract().path("id");
    }

    @Test
    void triageSortsOldestOrUrgentFirstFiltersByUrgencyAndFindsAPersonByNameNhsNumberOrReference() {
        String family = "Trent" + UUID.randomUUID().toString().substring(0, 8);
        String nhs = Referrals.freshNhsNumber();
        String first = referPerson("B82026", nhs, "Ada", family, "routine");
        String second = referPerson("B82026", Referrals.freshNhsNumber(), "Bert", family, "urgent");
        String third = referPerson("B82026", Referrals.freshNhsNumber(), "Cara", family, "routine");
        String token = linkWorker(PCN);
        // by name (any case, the start of each word), oldest first; urgent first, then oldest
        given().auth().oauth2(token).queryParam("q", family.toLowerCase()).queryParam("sort", "oldest").when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", equalTo(List.of(first, second, third)));
        given().auth().oauth2(token).queryParam("q", family).queryParam("sort", "urgent-first").when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", equalTo(List.of(second, first, third)));
        given().auth().oauth2(token).queryParam("q", "cara " + family.substring(0, 6)).when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", equalTo(List.of(third)));
        given().auth().oauth2(token).queryParam("q", family).queryParam("urgency", "urgent").when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", equalTo(List.of(second)));
        // by NHS number, written with spaces
        given().auth().oauth2(token).queryParam("q", nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6))
                .when().get("/api/referrals").then().statusCode(200).body("contents.id", equalTo(List.of(first)));
        // a self-referral by the reference the person was given, which the link worker sees on it
        String self = given().header("X-Forwarded-For", SelfReferralTest.newClientAddress()).contentType(io.restassured.http.ContentType.JSON)
                .body(SelfReferralTest.SELF.replace("Kowalska", family)).when().post("/api/self-referrals").then().statusCode(201)
                .extract().path("id");
        String reference = "SP-" + self.substring(0, 6).toUpperCase();
        given().auth().oauth2(token).when().get("/api/referrals/{id}", self).then().statusCode(200)
                .body("selfReferralReference", equalTo(reference));
        given().auth().oauth2(token).queryParam("q", reference.toLowerCase()).when().get("/api/referrals").then().statusCode(200)
                .body("contents.id", equalTo(List.of(self))).body("contents[0].selfReferralReference", equalTo(reference));
        // what cannot be read is named
        given().auth().oauth2(token).queryParam("sort", "alphabetical").when().get("/api/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().auth().oauth2(token).queryParam("urgency", "soon").when().get("/api/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("urgency"));
        given().auth().oauth2(token).queryParam("q", "x").when().get("/api/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void aScreenAsksOnceForThePeopleOfAPageOfCasesAndTriageTakesTheMostOverdueFirst() {
        String family = "Ives" + UUID.randomUUID().toString().substring(0, 8);
        String first = referPerson("B82026", Referrals.freshNhsNumber(), "Ada", family, "routine");
        String second = referPerson("B82026", Referrals.freshNhsNumber(), "Bert", family, "urgent");
        String third = referPerson("B82026", Referrals.freshNhsNumber(), "Cara", family, "routine");
        String token = linkWorker(PCN);
        // by id, repeated: only those, with their names
        given().auth().oauth2(token).queryParam("id", first, third).queryParam("sort", "oldest").when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", equalTo(List.of(first, third)))
                .body("contents.personName", equalTo(List.of("Ada " + family, "Cara " + family)));
        // the day triage is due: the urgent one is due first
        given().auth().oauth2(token).queryParam("q", family).queryParam("sort", "due").when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", equalTo(List.of(second, first, third)));
        // an id that is not one, or too many at once, is named
        given().auth().oauth2(token).queryParam("id", first, "not-an-id").when().get("/api/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("id")).body("errors[0].rule", equalTo("Format"));
        List<String> many = java.util.stream.IntStream.range(0, 101).mapToObj(n -> UUID.randomUUID().toString()).toList();
        given().auth().oauth2(token).queryParam("id", many).when().get("/api/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("id")).body("errors[0].rule", equalTo("Size"));
    }

    @Test
    void withoutAnNhsNumberAPossibleDuplicateIsKnownByNameDateOfBirthAndPostcode() {
        String family = "Moss" + UUID.randomUUID().toString().substring(0, 8);
        String one = referPerson("B82026", null, "Edna", family, "routine");
        // the same person, the name in another case and the postcode without its space: flagged both ways, not merged
        String two = Referrals.post(Referrals.housingAssociation(), Referrals.body("NONE").replace("\"nhsNumber\": \"NONE\", ", "")
                .replace("\"Richard\"", "\"EDNA\"").replace("\"Smith\"", "\"" + family.toLowerCase() + "\"").replace("hg2 0na", "HG20NA"))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(linkWorker(PCN)).when().get("/api/referrals/{id}", two).then().statusCode(200)
                .body("possibleDuplicates", equalTo(List.of(one)));
        given().auth().oauth2(linkWorker(PCN)).when().get("/api/referrals/{id}", one).then().statusCode(200)
                .body("possibleDuplicates", equalTo(List.of(two)));
        // another date of birth is another person
        String other = Referrals.post(Referrals.housingAssociation(), Referrals.body("NONE").replace("\"nhsNumber\": \"NONE\", ", "")
                .replace("\"Richard\"", "\"Edna\"").replace("\"Smith\"", "\"" + family + "\"").replace("1948-03-12", "1950-01-01"))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(linkWorker(PCN)).when().get("/api/referrals/{id}", other).then().statusCode(200)
                .body("possibleDuplicates", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aReferrerThatCannotTakeWebhooksPollsForWhatChangedSince() {
        String token = gp("B82018");
        java.time.Instant before = java.time.Instant.now().minusMillis(5);
        String id = refer("B82018");
        String untouched = refer("B82018");
        java.time.Instant afterBoth = java.time.Instant.parse(given().auth().oauth2(token).when().get("/api/referrals/{id}", untouched).then()
                .statusCode(200).extract().path("lastChangedAt"));
        given().auth().oauth2(token).queryParam("changedSince", before.toString()).queryParam("sort", "changed").queryParam("size", 100)
                .when().get("/api/referrals").then().statusCode(200).body("contents.id", hasItem(id)).body("contents.id", hasItem(untouched));
        // accepted after: only it has changed since the second was made
        accept(id).statusCode(200);
        given().auth().oauth2(token).queryParam("changedSince", afterBoth.toString()).queryParam("sort", "changed").queryParam("size", 100)
                .when().get("/api/referrals").then().statusCode(200).body("contents.id", hasItem(id)).body("contents.id", not(hasItem(untouched)));
        given().auth().oauth2(token).queryParam("changedSince", "yesterday").when().get("/api/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("changedSince"));
    }

    @Test
    void queryParametersThatCannotBeReadAreNamed() {
        String token = linkWorker(PCN);
        for (String[] bad : new String[][] { { "status", "LOST" }, { "receivedFrom", "yesterday" }, { "reason", "sadness" },
                { "overdue", "maybe" }, { "page", "0" }, { "size", "1000" }, { "page", "two" } }) {
            given().auth().oauth2(token).queryParam(bad[0], bad[1]).when().get("/api/referrals")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad[0]));
        }
        // a filter given empty is not a filter left out: it would answer with everything
        for (String empty : new String[] { "", " " }) {
            given().auth().oauth2(token).queryParam("size", 5).queryParam("status", empty).when().get("/api/referrals")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"))
                    .body("errors[0].rule", equalTo("NotEmpty"));
        }
        // every parameter that cannot be read, in one answer
        given().auth().oauth2(token).queryParam("status", "LOST").queryParam("overdue", "maybe").queryParam("page", "abc")
                .queryParam("size", "0").when().get("/api/referrals").then().statusCode(400).body("detail", equalTo("4 fields are not valid"))
                .body("errors.field", equalTo(List.of("status", "overdue", "page", "size")));
    }

    @Test
    void aReferralPastItsTriageDateIsOverdueAndShowsItsDaysWaiting() {
        String late = refer("B82018");
        String onTime = refer("B82018");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update referral set received_at = received_at - interval '12 days', triage_due_by = current_date - 3 where id = :id")
                .setParameter("id", UUID.fromString(late)).executeUpdate());
        String token = linkWorker(PCN);
        given().auth().oauth2(token).queryParam("overdue", "true").queryParam("size", 100).when().get("/api/referrals")
                .then().statusCode(200).body("contents.id", hasItem(late)).body("contents.id", not(hasItem(onTime)))
                .body("contents.overdue", everyItem(equalTo(true)));
        given().auth().oauth2(token).queryParam("overdue", "false").queryParam("size", 100).when().get("/api/referrals")
                .then().body("contents.id", hasItem(onTime)).body("contents.id", not(hasItem(late)));
        given().auth().oauth2(token).when().get("/api/referrals/{id}", late)
                .then().body("overdue", equalTo(true)).body("daysWaiting", equalTo(12));
        // once triaged it is no longer overdue
        accept(late).statusCode(200).body("overdue", equalTo(false));
    }

    @Test
    void everyReadOfPersonalDataIsAuditedAndAdminReadsTheLog() {
        String id = refer(PRACTICE);
        String reader = "lw-auditor-" + UUID.randomUUID();
        String token = TestTokens.linkWorker(reader, PCN);
        given().auth().oauth2(token).when().get("/api/referrals/{id}", id).then().statusCode(200);
        given().auth().oauth2(token).queryParam("referrerOrganisation", PRACTICE).queryParam("size", 5)
                .when().get("/api/referrals").then().statusCode(200);
        given().auth().oauth2(Referrals.admin()).queryParam("readBy", reader).when().get("/api/referrals/audit")
                .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(2))
                .body("contents.purpose", hasItem("triage-and-support"))
                .body("contents.purpose", hasItem("triage-and-support:list"))
                .body("contents.subjectId", hasItem(id));
        given().auth().oauth2(Referrals.admin()).queryParam("subjectId", id).when().get("/api/referrals/audit")
                .then().statusCode(200).body("contents.readBy", hasItem(reader)).body("contents.subjectId", everyItem(equalTo(id)));
        given().auth().oauth2(token).when().get("/api/referrals/audit").then().statusCode(403);
        given().auth().oauth2(Referrals.admin()).queryParam("subjectId", "R-42").queryParam("page", "abc").when().get("/api/referrals/audit")
                .then().statusCode(400).body("errors.field", equalTo(List.of("subjectId", "page")));
    }

    @Test
    void unknownIdsPathsAndMethodsAreProblems() {
        String token = linkWorker(PCN);
        decide(token, UUID.randomUUID().toString(), "accept", "\"0\"", null).statusCode(404).contentType("application/problem+json");
        decide(token, "R-42", "accept", "\"0\"", null).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).when().delete("/api/referrals").then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/api/referrals/{id}/nothing-here", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        decide(token, refer(PRACTICE), "decline", "\"0\"", "{\"reason\": \"bored\"}").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token).header("If-Match", "\"0\"").contentType("application/json")
                .when().post("/api/referrals/{id}/decline", refer(PRACTICE))
                .then().statusCode(400).contentType("application/problem+json");
    }
}
