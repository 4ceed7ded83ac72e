package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.socialprescribing.reference.NhsNumber;
import uk.socialprescribing.testing.TestTokens;

/** Referral bodies and the calls tests repeat: refer, read the ETag, decide. */
final class Referrals {

    static final String PRACTICE = "B82005";
    static final String PCN = "U84002";
    static final String OTHER_PCN = "U84005";

    private Referrals() {
    }

    /** A GP practice referral for this NHS number. */
    static String body(String nhsNumber) {
        return """
                {"person": {"nhsNumber": "%s", "givenName": "Richard", "familyName": "Smith", "dateOfBirth": "1948-03-12",
                            "address": {"line1": "14 Cold Bath Road", "town": "Harrogate", "postcode": "hg2 0na"},
                            "phone": "07700 900123", "preferredContactMethod": "phone", "language": "en"},
                 "referrer": {"name": "Dr Asha Patel", "role": "GP", "email": "asha.patel@nhs.net"},
                 "reasons": [{"code": "loneliness-or-isolation"}, {"code": "bereavement"}],
                 "whatMatters": "Widowed last year and rarely leaves the house; would like to meet people",
                 "riskFlags": ["lone-working"],
                 "consent": {"referral": true, "shareOutcomeWithReferrer": true},
                 "urgency": "routine"}""".formatted(nhsNumber);
    }

    /** An NHS number no other test uses, so that duplicate checks do not cross tests. */
    static String freshNhsNumber() {
        while (true) {
            String nine = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
            java.util.OptionalInt check = NhsNumber.checkDigit(nine);
            if (check.isPresent()) {
                return nine + check.getAsInt();
            }
        }
    }

    static String gp(String practice) {
        return TestTokens.gpPracticeSystem(practice);
    }

    static String linkWorker(String pcn) {
        return TestTokens.linkWorker(pcn);
    }

    static String admin() {
        return TestTokens.admin();
    }

    /** A housing association's system: a non-NHS agency, known by organisation_id. */
    static String housingAssociation() {
        return TestTokens.withRoles("service-account-harrogate-homes", List.of("referrer"),
                Map.of("organisation_id", "5a1f0c2e-7d4b-4c8e-9f10-2b3c4d5e6f70", "referrer_kind", "housing"));
    }

    static ValidatableResponse post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals").then();
    }

    /** Refers a person with a fresh NHS number from the practice; the referral's id. */
    static String refer(String practice) {
        return post(gp(practice), body(freshNhsNumber())).statusCode(201).extract().path("id");
    }

    static String etag(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/referrals/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse decide(String token, String id, String move, String ifMatch, String body) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/referrals/{id}/" + move, id).then();
    }

    /** Accepts as a link worker of the referral's PCN, reading the ETag first. */
    static ValidatableResponse accept(String id) {
        String token = linkWorker(PCN);
        return decide(token, id, "accept", etag(token, id), null);
    }
}
