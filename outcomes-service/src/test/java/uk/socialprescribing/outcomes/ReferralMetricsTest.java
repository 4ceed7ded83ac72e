package uk.socialprescribing.outcomes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.outcomes.repository.ReferralActivity;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

@QuarkusTest
class ReferralMetricsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    ReferralActivity activity;

    @Test
    void referralsReceivedAndAcceptedAreCountedOnceEachAndPublishedWithSmallNumbersSuppressed() {
        // March 2025: 12 received, 3 accepted; one received event is delivered twice
        Instant march = Instant.parse("2025-03-14T10:00:00Z");
        CloudEvent first = null;
        for (int i = 0; i < 12; i++) {
            UUID referral = UUID.randomUUID();
            CloudEvent received = TestEvents.publish(kafka, "referral-service", new ReferralReceived(referral, "gp-practice", "B82005", march));
            first = first == null ? received : first;
            if (i < 3) {
                TestEvents.publish(kafka, "referral-service", new ReferralAccepted(referral, "B82005", march.plusSeconds(3600)));
            }
        }
        TestEvents.publish(kafka, first);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> march().accepted() == 3 && march().received() >= 12);
        // the redelivered event has had its chance too: a later event on the same partition key was handled after it
        TestEvents.publish(kafka, "referral-service", new ReferralAccepted(UUID.fromString(first.getSubject()), "B82005",
                march.plusSeconds(7200)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> march().accepted() == 4);
        assertEquals(new ReferralActivity.Month(LocalDate.of(2025, 3, 1), 12, 4), march());

        given().auth().oauth2(TestTokens.commissioner())
                .queryParam("from", "2025-01-01").queryParam("to", "2025-06-30")
                .when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(200)
                .body("months", hasSize(1))
                .body("months[0].month", equalTo("2025-03"))
                .body("months[0].referralsReceived", equalTo(10))
                .body("months[0].referralsAccepted", nullValue())
                .body("months[0].suppressed", contains("referralsAccepted"));
    }

    @Test
    void metricsAreNotForReferrers() {
        given().auth().oauth2(TestTokens.gpPracticeSystem("B82005")).when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/outcomes/metrics/referrals").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsNamesTheField() {
        given().auth().oauth2(TestTokens.commissioner())
                .queryParam("from", "2025-06-01").queryParam("to", "2025-01-01")
                .when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.commissioner())
                .queryParam("from", "June")
                .when().get("/api/outcomes/metrics/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from")).body("errors[0].rule", equalTo("Format"));
    }

    ReferralActivity.Month march() {
        List<ReferralActivity.Month> months = QuarkusTransaction.requiringNew()
                .call(() -> activity.between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
        return months.isEmpty() ? new ReferralActivity.Month(LocalDate.of(2025, 3, 1), 0, 0) : months.get(0);
    }
}
