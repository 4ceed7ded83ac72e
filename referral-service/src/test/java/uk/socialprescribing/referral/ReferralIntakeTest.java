package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.socialprescribing.referral.Referrals.PRACTICE;
import static uk.socialprescribing.referral.Referrals.body;
import static uk.socialprescribing.referral.Referrals.freshNhsNumber;
import static uk.socialprescribing.referral.Referrals.gp;
import static uk.socialprescribing.referral.Referrals.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.events.EventSchemas;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.PublishedEvents;
import uk.socialprescribing.testing.TestTokens;

/** Referrals coming in: content, validation, who may refer, duplicates, idempotent retries, public addresses. */
@QuarkusTest
class ReferralIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PersonalDataReads reads;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Test
    void aGpPracticeRefersAPersonWithTheFullContentAndReferralReceivedCarriesNoIdentity() {
        String nhs = freshNhsNumber();
        String id = post(gp(PRACTICE), body(nhs)).statusCode(201)
                .header("Location", containsString("/api/referrals/"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("RECEIVED"))
                .body("referrer.kind", equalTo("gp-practice"))
                .body("referrer.organisation", equalTo(PRACTICE))
                .body("referrer.name", equalTo("Dr Asha Patel"))
                .body("practiceOdsCode", equalTo(PRACTICE))
                .body("pcnCode", equalTo("U84002"))
                .body("person.nhsNumber", equalTo(nhs))
                .body("person.address.postcode", equalTo("HG2 0NA"))
                .body("reasons.code", equalTo(List.of("loneliness-or-isolation", "bereavement")))
                .body("reasons[0].display", equalTo("Loneliness or social isolation"))
                .body("riskFlags", equalTo(List.of("lone-working")))
                .body("consentToShareOutcome", equalTo(true))
                .body("urgency", equalTo("routine"))
                .body("daysWaiting", equalTo(0))
                .body("overdue", equalTo(false))
                .extract().path("id");

        List<Published> events = PublishedEvents.await(kafka, "referral-events", 1, Duration.ofSeconds(30),
                p -> id.equals(p.key()) && p.event().getType().startsWith("referral."));
        assertEquals(1, events.size());
        Published received = events.get(0);
        assertEquals("referral.received.v1", received.event().getType());
        assertEquals(List.of(), EventSchemas.violations(EventType.REFERRAL_RECEIVED, received.data()));
        assertEquals("U84002", received.data().get("pcnCode").asText());
        assertEquals("loneliness-or-isolation", received.data().get("reasonCodes").get(0).asText());
        assertFalse(received.data().toString().contains(nhs), "an event carried the NHS number");
        assertFalse(received.data().toString().contains("Smith"), "an event carried the person's name");
    }

    @Test
    void theTriageDeadlineIsFiveWorkingDaysAfterReceipt() {
        LocalDate due = LocalDate.parse(post(gp(PRACTICE), body(freshNhsNumber())).statusCode(201).extract().path("triageDueBy"));
        LocalDate today = LocalDate.now(Clocks.ENGLAND);
        long working = today.datesUntil(due).skip(1).filter(d -> d.getDayOfWeek().getValue() < 6).count() + 1;
        assertTrue(due.isAfter(today.plusDays(4)) && due.isBefore(today.plusDays(12)), "due " + due);
        assertTrue(working >= 4 && working <= 5, "due " + due + " is " + working + " working days on (bank holidays aside)");
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvFileSource(resources = "/standards/nhs/nhs_number_test_vectors.csv", numLinesToSkip = 1)
    void nhsNumbersAreCheckedByTheirModulus11CheckDigit(String nhsNumber, boolean valid) {
        var answer = post(gp(PRACTICE), body(nhsNumber));
        if (valid) {
            answer.statusCode(201);
        } else {
            answer.statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("person.nhsNumber")))
                    .body("errors[0].rule", equalTo("ValidNhsNumber"))
                    .body("errors[0].message", containsString("check digit"));
        }
    }

    @Test
    void aHealthReferrerMustGiveTheNhsNumber() {
        post(gp(PRACTICE), body(freshNhsNumber()).replaceFirst("\"nhsNumber\": \"\\d+\", ", ""))
                .statusCode(400).body("errors[0].field", equalTo("person.nhsNumber")).body("errors[0].rule", equalTo("NotNull"));
    }

    @Test
    void aHousingAssociationRefersWithoutAnNhsNumberAndThePostcodeDecidesThePcn() {
        String body = body("x").replace("\"nhsNumber\": \"x\", ", "").replace("hg2 0na", "HG5 0AB");
        post(Referrals.housingAssociation(), body).statusCode(201)
                .body("referrer.kind", equalTo("housing"))
                .body("referrer.organisation", equalTo("5a1f0c2e-7d4b-4c8e-9f10-2b3c4d5e6f70"))
                .body("referrer.odsCode", nullValue())
                .body("practiceOdsCode", nullValue())
                .body("pcnCode", equalTo("U84005"));
    }

    @Test
    void anAgencyNamesThePersonsPracticeWhenItKnowsIt() {
        String body = body("x").replace("\"nhsNumber\": \"x\", ", "\"gpPracticeOdsCode\": \"B82033\", ");
        post(Referrals.housingAssociation(), body).statusCode(201).body("practiceOdsCode", equalTo("B82033")).body("pcnCode", equalTo("U84005"));
    }

    @Test
    void aPersonOutsideTheAreaIsNamedAsSuch() {
        String body = body("x").replace("\"nhsNumber\": \"x\", ", "").replace("hg2 0na", "LS1 4AB");
        post(Referrals.housingAssociation(), body).statusCode(400)
                .body("errors[0].field", equalTo("person.address.postcode")).body("errors[0].rule", equalTo("ServedArea"));
        String unknownPractice = body("x").replace("\"nhsNumber\": \"x\", ", "\"gpPracticeOdsCode\": \"Y99999\", ");
        post(Referrals.housingAssociation(), unknownPractice).statusCode(400)
                .body("errors[0].field", equalTo("person.gpPracticeOdsCode")).body("errors[0].rule", equalTo("ServedPractice"));
    }

    @Test
    void aGpPracticeCannotReferForAnotherPractice() {
        String body = body(freshNhsNumber()).replace("\"language\": \"en\"", "\"language\": \"en\", \"gpPracticeOdsCode\": \"B82018\"");
        post(gp(PRACTICE), body).statusCode(400).body("errors[0].field", equalTo("person.gpPracticeOdsCode"))
                .body("errors[0].rule", equalTo("OwnPractice"));
    }

    @Test
    void tokensWithoutAnOrganisationOrWithAnUnknownKindAreForbidden() {
        post(TestTokens.withRoles("client-x", List.of("referrer"), Map.of()), body(freshNhsNumber()))
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("ods_code"));
        post(TestTokens.withRoles("client-y", List.of("referrer"), Map.of("organisation_id", "abc")), body(freshNhsNumber()))
                .statusCode(403).body("detail", containsString("referrer_kind"));
        post(TestTokens.withRoles("client-z", List.of("referrer"), Map.of("organisation_id", "abc", "referrer_kind", "astrologer")),
                body(freshNhsNumber())).statusCode(403).body("detail", containsString("astrologer"));
        post(Referrals.linkWorker("U84002"), body(freshNhsNumber())).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutATokenItIsUnauthorizedAsAProblem() {
        given().contentType(ContentType.JSON).body(body(freshNhsNumber())).when().post("/api/referrals")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void everyInvalidFieldIsNamedWithItsRule() {
        String body = """
                {"person": {"nhsNumber": "94347", "givenName": "", "familyName": "Smith", "dateOfBirth": "2999-01-01",
                            "email": "not-an-email", "language": "English", "address": {"postcode": "HG1"}},
                 "referrer": {"name": "Dr Asha Patel"},
                 "reasons": [],
                 "consent": {"referral": false}}""";
        post(gp(PRACTICE), body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:validation"))
                .body("errors.field", hasItems("person.nhsNumber", "person.givenName", "person.dateOfBirth", "person.email",
                        "person.language", "person.address.postcode", "referrer.role", "reasons", "consent.referral"))
                .body("errors.find { it.field == 'consent.referral' }.rule", equalTo("AssertTrue"))
                .body("errors.find { it.field == 'reasons' }.rule", equalTo("NotEmpty"))
                .body("errors", hasSize(9));
    }

    @Test
    void anUnknownCodeNamesTheCodesItCouldBe() {
        post(gp(PRACTICE), body(freshNhsNumber()).replace("\"bereavement\"", "\"sadness\""))
                .statusCode(400).body("errors[0].field", equalTo("reasons[1].code"))
                .body("errors[0].message", containsString("loneliness-or-isolation"));
    }

    @Test
    void theOtherReasonNeedsItsText() {
        post(gp(PRACTICE), body(freshNhsNumber()).replace("{\"code\": \"bereavement\"}", "{\"code\": \"other\"}"))
                .statusCode(400).body("errors[0].field", equalTo("reasons[1].text"));
        post(gp(PRACTICE), body(freshNhsNumber()).replace("{\"code\": \"bereavement\"}", "{\"code\": \"other\", \"text\": \"Wants to learn to cook\"}"))
                .statusCode(201).body("reasons[1].text", equalTo("Wants to learn to cook"));
    }

    @Test
    void malformedJsonSaysWhereItBreaks() {
        post(gp(PRACTICE), "{\"person\": {\n  \"givenName\": \"Richard\",,\n}}")
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:malformed-json"))
                .body("detail", containsString("line 2, column"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void aHugeOrOddValueIsAnsweredAtOnceAndNulCharactersAreRefused() {
        // a megabyte-long string where an object belongs: Jackson quotes it in its message, which must not take long to tidy
        long started = System.nanoTime();
        post(gp(PRACTICE), "\"" + "x".repeat(1_000_000) + "\"").statusCode(400).contentType("application/problem+json");
        long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        org.junit.jupiter.api.Assertions.assertTrue(millis < 5_000, "answered after " + millis + " ms");
        // PostgreSQL cannot store a NUL; it is refused naming the field, never a 500
        post(gp(PRACTICE), body(freshNhsNumber()).replace("\"Richard\"", "\"Rich\\u0000ard\""))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("person.givenName"))
                .body("errors[0].rule", equalTo("NoNulCharacter"));
        given().auth().oauth2(gp(PRACTICE)).queryParam("status", "RECEIVED\u0000").when().get("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
    }

    @Test
    void anUnknownFieldIsNamedRatherThanSilentlyDropped() {
        post(gp(PRACTICE), body(freshNhsNumber()).replace("\"urgency\"", "\"priority\": \"high\", \"urgency\""))
                .statusCode(400).body("errors[0].field", equalTo("priority")).body("errors[0].rule", equalTo("UnknownField"));
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedAsAProblem() {
        given().auth().oauth2(gp(PRACTICE)).contentType(ContentType.XML).body("<referral/>").when().post("/api/referrals")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void locationAndLinksNameTheAddressTheCallerUsedThroughTheGateway() {
        given().auth().oauth2(gp(PRACTICE)).contentType(ContentType.JSON).body(body(freshNhsNumber()))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.social-prescribing.example")
                .header("X-Forwarded-For", "203.0.113.9")
                .when().post("/api/referrals")
                .then().statusCode(201)
                .header("Location", startsWith("https://api.social-prescribing.example/api/referrals/"))
                .body("links.self", startsWith("https://api.social-prescribing.example/api/referrals/"))
                .body("links.feedback", startsWith("https://api.social-prescribing.example/api/referrals/"));
        given().auth().oauth2(gp(PRACTICE)).contentType(ContentType.JSON).body(body(freshNhsNumber()))
                .header("Forwarded", "for=198.51.100.7;proto=https;host=gateway.example.nhs.uk")
                .when().post("/api/referrals")
                .then().statusCode(201).header("Location", startsWith("https://gateway.example.nhs.uk/api/referrals/"));
    }

    @Test
    void whatMattersAsLongAsTheApiTakesIsKeptWhole() {
        String body = body(freshNhsNumber()).replaceFirst("\"whatMatters\"\\s*:\\s*\"[^\"]*\"", "\"whatMatters\": \"" + "w".repeat(4000) + "\"");
        assertTrue(body.contains("w".repeat(4000)), "the body names what matters");
        post(gp(PRACTICE), body).statusCode(201).body("whatMatters.length()", equalTo(4000));
    }

    @Test
    void anOpenReferralForTheSameNhsNumberIsFlaggedOnBothAndNotMerged() {
        String nhs = freshNhsNumber();
        String first = post(gp(PRACTICE), body(nhs)).statusCode(201).extract().path("id");
        Response created = post(gp("B82018"), body(nhs)).statusCode(201)
                .body("possibleDuplicates", equalTo(List.of(first))).extract().response();
        String second = created.path("id");
        assertTrue(!first.equals(second));
        // the ETag it was answered with is the one it has: a triage decision made on it is not refused as stale
        given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/{id}", second)
                .then().statusCode(200).header("ETag", equalTo(created.header("ETag")));
        given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/{id}", first)
                .then().statusCode(200).body("possibleDuplicates", equalTo(List.of(second))).body("status", equalTo("RECEIVED"));
        given().auth().oauth2(Referrals.linkWorker("U84002")).queryParam("size", 100).when().get("/api/referrals")
                .then().body("contents.find { it.id == '" + first + "' }.possibleDuplicate", equalTo(true));
    }

    /**
     * A case event (or a triage move) changing the first referral while the second arrives: the second is flagged
     * against what the first's change committed, not refused on the stale version it read (once a 409 in CI).
     */
    @Test
    void aDuplicateArrivingWhileTheFirstReferralChangesIsReceivedAndFlaggedOnBoth() throws Exception {
        String nhs = freshNhsNumber();
        String first = post(gp(PRACTICE), body(nhs)).statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection change = dataSource.getConnection()) {
            change.setAutoCommit(false);
            try (PreparedStatement bump = change.prepareStatement("update referral set version = version + 1 where id = ?")) {
                bump.setObject(1, UUID.fromString(first));
                assertEquals(1, bump.executeUpdate());
            }
            Future<Response> second = pool.submit(() -> given().auth().oauth2(gp("B82018")).contentType(ContentType.JSON)
                    .body(body(nhs)).when().post("/api/referrals"));
            assertTrue(LockWaiters.awaitOne(dataSource, null), "the second referral never waited for the first one's row");
            change.commit();
            Response answer = second.get(30, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.asString());
            assertEquals(List.of(first), answer.path("possibleDuplicates"));
            given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/{id}", first).then().statusCode(200)
                    .body("possibleDuplicates", equalTo(List.of(answer.<String>path("id"))));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = body(freshNhsNumber());
        Response first = given().auth().oauth2(gp(PRACTICE)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals");
        first.then().statusCode(201);
        given().auth().oauth2(gp(PRACTICE)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")));
        given().auth().oauth2(gp(PRACTICE)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("Richard", "Rich"))
                .when().post("/api/referrals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aHundredConcurrentRetriesWithOneKeyCreateExactlyOneReferral() throws Exception {
        String key = UUID.randomUUID().toString();
        String nhs = freshNhsNumber();
        String body = body(nhs);
        String token = gp(PRACTICE);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> posts = Collections.nCopies(100, () -> given().auth().oauth2(token)
                    .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post("/api/referrals"));
            for (Future<Response> answer : pool.invokeAll(posts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        Set<Integer> statuses = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Response answer : answers) {
            statuses.add(answer.statusCode());
            ids.add(answer.path("id"));
        }
        assertEquals(Set.of(201), statuses);
        assertEquals(1, ids.size(), ids.toString());
        long stored = ((Number) entityManager.createNativeQuery("select count(*) from referral where nhs_number = :nhs")
                .setParameter("nhs", nhs).getSingleResult()).longValue();
        assertEquals(1, stored);
        assertEquals(99, answers.stream().filter(a -> "true".equals(a.header("Idempotent-Replayed"))).count());
    }

    @Test
    void anIdempotencyKeyThatIsNotPrintableIsNamed() {
        given().auth().oauth2(gp(PRACTICE)).header("Idempotency-Key", "x".repeat(201)).contentType(ContentType.JSON)
                .body(body(freshNhsNumber())).when().post("/api/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsErrorsAndEveryBodyItTakesHasAnExample() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json").then().extract().path("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !operation.containsKey("responses")) {
                return;
            }
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                missing.add(method + " " + path + ": no 4xx response");
            }
            if (!operation.containsKey("summary")) {
                missing.add(method + " " + path + ": no summary");
            }
            if (operation.get("requestBody") instanceof Map<?, ?> body) {
                String text = body.toString();
                boolean exampled = text.contains("example") || text.contains("$ref");
                if (!exampled) {
                    missing.add(method + " " + path + ": request body without an example");
                }
            }
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void theOpenApiDocumentDescribesTheOperationsWithExamplesAndErrors() {
        given().when().get("/q/openapi?format=json").then()
                .body("paths.'/api/referrals'.post.summary", equalTo("Refer a person to social prescribing"))
                .body("paths.'/api/referrals'.post.requestBody.content.'application/json'.examples", not(equalTo(null)))
                .body("paths.'/api/referrals'.post.responses.'422'.content.'application/problem+json'", not(equalTo(null)))
                .body("paths.'/api/referrals'.get.parameters.name", hasItems("status", "receivedFrom", "receivedTo", "reason",
                        "referrerOrganisation", "overdue", "page", "size"))
                .body("paths.'/api/referrals/{id}/accept'.post.responses.'412'", not(equalTo(null)))
                .body("paths.'/api/referrals/{id}/accept'.post.responses.'428'", not(equalTo(null)))
                .body("paths.'/api/referrals/{id}/decline'.post.responses.'409'", not(equalTo(null)))
                .body("paths.'/api/self-referrals'.post.responses.'429'.headers.'Retry-After'", not(equalTo(null)))
                .body("paths.'/fhir/ServiceRequest'.post.responses.'422'", not(equalTo(null)))
                .body("paths.'/fhir/$process-message'.post.summary", not(equalTo(null)))
                .body("paths.'/fhir/{operation}'", equalTo(null))
                .body("paths.'/api/referrals/{id}/feedback'.get.summary", not(equalTo(null)))
                .body("paths.'/api/referrals/webhooks'.post.summary", equalTo("Register a webhook"))
                .body("paths.'/api/referrals/audit'.get.summary", not(equalTo(null)))
                .body("components.schemas.Problem.properties.errors", not(equalTo(null)));
    }
}
