package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service stopped under the gateway: callers get a 503 problem naming it, at once, while the other services go on;
 * started again, it is reached again without the gateway being restarted. Last of the end-to-end classes, since it
 * stops a service.
 */
@ExtendWith(PlatformUp.class)
@Order(10)
class GatewayResilienceTest {

    @Test
    void aStoppedServiceIsAServiceUnavailableProblemAndTheGatewayRecoversWhenItIsBack() throws Exception {
        String commissioner = Principal.COMMISSIONER.token();
        given().auth().oauth2(commissioner).when().get("/api/outcomes/metrics/referrals").then().statusCode(200);

        LocalPlatform.stop("outcomes-service");
        try {
            long started = System.nanoTime();
            given().auth().oauth2(commissioner).when().get("/api/outcomes/metrics/referrals")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("detail", containsString("outcomes-service"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "the 503 took too long");
            // the rest of the platform is unaffected
            given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/referrals").then().statusCode(200);
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'upstreams' }.data.'outcomes-service'", containsString("DOWN"));
        } finally {
            LocalPlatform.run("up"); // starts what is not running
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(commissioner).when().get("/api/outcomes/metrics/referrals").then().extract().statusCode() == 200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
