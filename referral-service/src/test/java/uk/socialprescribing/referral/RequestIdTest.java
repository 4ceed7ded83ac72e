package uk.socialprescribing.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.socialprescribing.testing.PublishedEvents;

/** A request's id (X-Request-Id) comes back on the answer and leaves with the events the request wrote. */
@QuarkusTest
class RequestIdTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theRequestIdIsReturnedAndCarriedByTheEventsTheRequestWrote() {
        String id = io.restassured.RestAssured.given().auth().oauth2(Referrals.gp(Referrals.PRACTICE)).header("X-Request-Id", "gp-b82005-0042")
                .contentType(ContentType.JSON).body(Referrals.body(Referrals.freshNhsNumber())).when().post("/api/referrals").then()
                .statusCode(201).header("X-Request-Id", equalTo("gp-b82005-0042")).extract().path("id");
        List<PublishedEvents.Published> received = PublishedEvents.await(kafka, "referral-events", 1, Duration.ofSeconds(30),
                p -> id.equals(p.key()) && "referral.received.v1".equals(p.event().getType()));
        assertEquals(1, received.size());
        assertEquals("gp-b82005-0042", received.get(0).event().getExtension("requestid"));
        assertEquals("gp-b82005-0042", received.get(0).header("ce_requestid"));
        // none given, or one unfit for a log line: a new one
        io.restassured.RestAssured.given().auth().oauth2(Referrals.gp(Referrals.PRACTICE)).header("X-Request-Id", "bad id\\nline")
                .contentType(ContentType.JSON).body(Referrals.body(Referrals.freshNhsNumber())).when().post("/api/referrals").then()
                .statusCode(201).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
