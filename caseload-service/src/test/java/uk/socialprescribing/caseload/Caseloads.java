package uk.socialprescribing.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.testing.TestTokens;

/**
 * The caseload tests' fixtures: the Knaresborough and Nidderdale PCN (U84005), which the tests that use it have to
 * themselves, its practice, tokens, and cases and link workers made as the API and the events would make them.
 */
final class Caseloads {

    static final String PCN = "U84005";
    static final String PRACTICE = "B82033";

    private Caseloads() {
    }

    static String admin() {
        return TestTokens.admin();
    }

    static String lead(String pcn) {
        return TestTokens.lead(pcn);
    }

    /** No link worker, case, session, plan or connection left in the tests' PCN. */
    static void emptyThePcn(EntityManager entityManager) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("care_session", "care_plan_version", "connection")) {
                entityManager.createNativeQuery("delete from " + table + " where case_id in (select id from care_case where pcn_code = :pcn)")
                        .setParameter("pcn", PCN).executeUpdate();
            }
            entityManager.createNativeQuery("delete from care_case where pcn_code = :pcn").setParameter("pcn", PCN).executeUpdate();
            entityManager.createNativeQuery("delete from link_worker where pcn_code = :pcn").setParameter("pcn", PCN).executeUpdate();
        });
    }

    /** Opens a case for a new accepted referral of the tests' PCN, as referral.accepted would, and returns its id. */
    /** A case whose referral arrived 60 days ago (so sessions may be dated up to then) and was accepted now. */
    static String openCase(CaseOpening caseOpening, String urgency) {
        UUID referral = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> caseOpening.openFor(new ReferralAccepted(referral, PRACTICE, PCN, urgency, "en", false,
                Instant.now(), Instant.now().minus(Duration.ofDays(60)))));
        return given().auth().oauth2(admin()).queryParam("referralId", referral).when().get("/api/caseload/cases")
                .then().statusCode(200).extract().path("contents[0].id");
    }

    static String addLinkWorker(String token, String username, List<String> languages, int activeCap, int yearlyCap) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"username": "%s", "displayName": "%s", "pcnCode": "%s", "languages": %s, "workingDays": ["mon", "tue"],
                 "activeCaseCap": %d, "yearlyCap": %d}""".formatted(username, username, PCN,
                languages.stream().map(l -> "\"" + l + "\"").toList(), activeCap, yearlyCap))
                .when().post("/api/caseload/link-workers")
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).body("practices", hasSize(3))
                .extract().path("id");
    }
}
