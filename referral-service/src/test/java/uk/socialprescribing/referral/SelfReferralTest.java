package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.testing.PublishedEvents.Published;
import uk.socialprescribing.testing.PublishedEvents;

/** A person refers themself: no token, strict validation, a limit per client address. */
@QuarkusTest
class SelfReferralTest {

    static final String SELF = """
            {"person": {"givenName": "Maria", "familyName": "Kowalska", "dateOfBirth": "1961-07-04",
                        "address": {"line1": "3 Kings Road", "town": "Harrogate", "postcode": "HG1 5JX"},
                        "phone": "07700 900456", "preferredContactMethod": "text-message", "language": "pl",
                        "interpreterNeeded": true},
             "reasons": [{"code": "loneliness-or-isolation"}],
             "whatMatters": "I moved here last year and don't know anyone; I used to sing in a choir",
             "consent": true}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** Each test speaks from an address of its own (as the gateway forwards it), so limits do not cross tests. */
    static String newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(0, 255) + "." + random.nextInt(1, 255);
    }

    static ValidatableResponse selfRefer(String client, String body) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body(body)
                .when().post("/api/self-referrals").then();
    }

    @Test
    void aPersonRefersThemselfWithoutATokenAndHearsNoPersonalDataBack() {
        String id = selfRefer(newClientAddress(), SELF).statusCode(201)
                .header("Location", containsString("/api/referrals/"))
                .body("status", equalTo("RECEIVED"))
                .body("reference", matchesPattern("SP-[0-9A-F]{6}"))
                // what happens next, without promising a start date that a waiting list could break
                .body("message", containsString("A link worker will read what you have told us by"))
                .body("message", containsString("then contact you by text message"))
                .body("message", containsString("If there is a wait"))
                .body("person", nullValue())
                .body(not(containsString("Kowalska")))
                .extract().path("id");
        given().auth().oauth2(Referrals.linkWorker(Referrals.PCN)).when().get("/api/referrals/{id}", id)
                .then().statusCode(200).body("referrer.kind", equalTo("self")).body("pcnCode", equalTo("U84002"))
                .body("person.nhsNumber", nullValue()).body("person.interpreterNeeded", equalTo(true))
                .body("person.language", equalTo("pl"));
        List<Published> events = PublishedEvents.await(kafka, "referral-events", 1, Duration.ofSeconds(30), p -> id.equals(p.key()));
        assertEquals("self", events.get(0).data().get("referrerType").asText());
    }

    @Test
    void namingAPracticeDecidesThePcnWithoutAPostcode() {
        String body = SELF.replace("\"address\": {\"line1\": \"3 Kings Road\", \"town\": \"Harrogate\", \"postcode\": \"HG1 5JX\"},",
                "\"gpPracticeOdsCode\": \"b82041\",");
        String id = selfRefer(newClientAddress(), body).statusCode(201).extract().path("id");
        given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/{id}", id)
                .then().body("practiceOdsCode", equalTo("B82041")).body("pcnCode", equalTo("U84005"));
    }

    @Test
    void validationIsStrict() {
        String client = newClientAddress();
        selfRefer(client, SELF.replace("\"address\": {\"line1\": \"3 Kings Road\", \"town\": \"Harrogate\", \"postcode\": \"HG1 5JX\"},", ""))
                .statusCode(400).body("errors[0].field", equalTo("person.address.postcode"))
                .body("errors[0].rule", equalTo("PracticeOrPostcode"));
        selfRefer(client, SELF.replace("\"phone\": \"07700 900456\", ", ""))
                .statusCode(400).body("errors[0].field", equalTo("person.phone")).body("errors[0].rule", equalTo("ContactRequired"));
        selfRefer(newClientAddress(), SELF.replace("\"preferredContactMethod\": \"text-message\"", "\"preferredContactMethod\": \"email\""))
                .statusCode(400).body("errors[0].field", equalTo("person.email"));
        selfRefer(newClientAddress(), SELF.replace("1961-07-04", java.time.LocalDate.now().minusYears(12).toString()))
                .statusCode(400).body("errors[0].rule", equalTo("MinimumAge"));
        selfRefer(newClientAddress(), SELF.replace("\"consent\": true", "\"consent\": false"))
                .statusCode(400).body("errors[0].field", equalTo("consent"));
        selfRefer(newClientAddress(), SELF.replace("\"consent\": true", "\"consent\": true, \"riskFlags\": []"))
                .statusCode(400).body("errors[0].rule", equalTo("UnknownField"));
        selfRefer(newClientAddress(), SELF.replace("HG1 5JX", "SW1A 1AA"))
                .statusCode(400).body("errors[0].rule", equalTo("ServedArea"));
        selfRefer(newClientAddress(), SELF.replace("\"consent\": true", "\"consent\": true, \"person\": {\"nhsNumber\": \"1234567890\"}"))
                .statusCode(400);
    }

    @Test
    void everyProblemWithTheFormIsNamedInOneAnswer() {
        // too young, no way to reach them, and no postcode or practice: three problems, one answer
        String body = SELF.replace("1961-07-04", java.time.LocalDate.now().minusYears(12).toString())
                .replace("\"phone\": \"07700 900456\", ", "")
                .replace("\"address\": {\"line1\": \"3 Kings Road\", \"town\": \"Harrogate\", \"postcode\": \"HG1 5JX\"},", "")
                .replace("\"reasons\": [{\"code\": \"loneliness-or-isolation\"}]", "\"reasons\": []");
        selfRefer(newClientAddress(), body).statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("4 fields are not valid"))
                .body("errors.field", equalTo(List.of("person.address.postcode", "person.dateOfBirth", "person.phone", "reasons")))
                .body("errors.rule", equalTo(List.of("PracticeOrPostcode", "MinimumAge", "ContactRequired", "NotEmpty")));
    }

    @Test
    void aFormSentBackToBeCorrectedDoesNotUseUpTheLimitButAttemptsAreLimitedToo() {
        // ten attempts with problems, then five self-referrals: all taken
        String client = newClientAddress();
        for (int i = 0; i < 10; i++) {
            selfRefer(client, i % 2 == 0 ? SELF.replace("HG1 5JX", "SW1A 1AA") : "{not json").statusCode(400);
        }
        for (int i = 0; i < 5; i++) {
            selfRefer(client, SELF).statusCode(201);
        }
        // the sixth self-referral from the address is one too many, and the answer says so in words
        selfRefer(client, SELF).statusCode(429).body("detail", containsString("You have sent 5 self-referrals from your address in the last hour"));
        // thirty attempts in all, whatever they were: the thirty-first waits
        String flood = newClientAddress();
        for (int i = 0; i < 30; i++) {
            selfRefer(flood, "{not json").statusCode(400);
        }
        selfRefer(flood, SELF).statusCode(429).body("detail", containsString("You have tried to send a self-referral 30 times"));
    }

    @Test
    void pastTheLimitPerAddressTheAnswerIs429WithRetryAfterAndOtherAddressesAreUnaffected() {
        String client = newClientAddress();
        for (int i = 0; i < 5; i++) {
            selfRefer(client, SELF).statusCode(201);
        }
        var limited = selfRefer(client, SELF).statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:social-prescribing:problem:rate-limited"))
                .header("Retry-After", matchesPattern("\\d+"));
        long retryAfter = Long.parseLong(limited.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        selfRefer(newClientAddress(), SELF).statusCode(201);
        // the limit is on self-referral only
        given().header("X-Forwarded-For", client).when().get("/fhir/metadata").then().statusCode(200);
    }

    @Test
    void aRetriedSelfReferralWithItsIdempotencyKeyIsOneReferral() {
        String client = newClientAddress();
        String key = java.util.UUID.randomUUID().toString();
        String first = given().header("X-Forwarded-For", client).header("Idempotency-Key", key).contentType(ContentType.JSON).body(SELF)
                .when().post("/api/self-referrals").then().statusCode(201).extract().path("id");
        given().header("X-Forwarded-For", client).header("Idempotency-Key", key).contentType(ContentType.JSON).body(SELF)
                .when().post("/api/self-referrals").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first)).header("Location", startsWith("http"));
    }
}
