package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What production throws at the platform, while referrals stream in through the gateway: the broker killed, services
 * killed, the database refusing connections, every topic replayed from its first offset. After each, every accepted
 * referral has exactly one case, every event has reached every consumer exactly once, nothing waits in an outbox and
 * nothing was dead-lettered.
 * <p>
 * CI runs each stream with {@value #BOUNDED} referrals; the full run is
 * {@code ./mvnw -pl e2e-tests verify -Dfaults.referrals=2000} (after {@code ./mvnw install -DskipTests}). Each test
 * stops what it started. Last of the end-to-end classes: it kills parts of the platform.
 */
@ExtendWith(PlatformUp.class)
@Order(11)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    static final int BOUNDED = 200;
    static final int REFERRALS = Integer.getInteger("faults.referrals", BOUNDED);
    static final Duration CATCH_UP = Duration.ofMinutes(REFERRALS > BOUNDED ? 10 : 3);
    /** A read of each service's own data (as admin), through the gateway. */
    static final List<String> READS = List.of("/api/referrals", "/api/caseload/cases", "/api/directory/services/stale",
            "/api/outcomes/metrics/referrals");

    @Test
    @Order(1)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theBrokerKilledMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        Map<String, Long> deadLetteredBefore = deadLettered();
        List<String> referrals;
        try (ReferralStream stream = ReferralStream.start(REFERRALS)) {
            stream.awaitAccepted(REFERRALS / 3);
            kill("kafka");
            // referrals go on being taken while the broker is away: their events wait in the outbox
            stream.awaitAccepted(REFERRALS / 2);
            LocalPlatform.run("up"); // starts the broker again on its data
            referrals = stream.finish();
            System.out.println("Broker killed: answers " + stream.statuses());
            assertEquals(Map.of(201, REFERRALS, 200, REFERRALS), stream.statuses(), "every request answered at once, the broker notwithstanding");
        }
        everythingArrivedOnce(referrals, deadLetteredBefore);
    }

    @Test
    @Order(2)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void consumersKilledMidStreamLoseNothingAndDuplicateNothing() throws Exception {
        Map<String, Long> deadLetteredBefore = deadLettered();
        List<String> referrals;
        try (ReferralStream stream = ReferralStream.start(REFERRALS)) {
            stream.awaitAccepted(REFERRALS / 4);
            kill("caseload-service");
            stream.awaitAccepted(REFERRALS / 3);
            LocalPlatform.run("up");
            stream.awaitAccepted(REFERRALS / 2);
            kill("outcomes-service");
            stream.awaitAccepted(2 * REFERRALS / 3);
            LocalPlatform.run("up");
            referrals = stream.finish();
            System.out.println("Consumers killed: answers " + stream.statuses());
        }
        everythingArrivedOnce(referrals, deadLetteredBefore);
    }

    /**
     * Connections cut mid-request and at commit: once a 500 here, a commit on a cut connection that the transaction
     * manager reported as a heuristic outcome carrying the driver's error only as suppressed; now told as the database
     * being away.
     */
    @Test
    @Order(3)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theDatabaseRefusingConnectionsIsAServiceUnavailableProblemAndTheServicesRecoverByThemselves() throws Exception {
        Assumptions.assumeTrue(PlatformUp.databaseProxy() != null, "only on the tests' own platform, whose services reach "
                + "PostgreSQL through the tests' proxy");
        Map<String, Long> deadLetteredBefore = deadLettered();
        String admin = Principal.ADMIN.token();
        List<String> referrals;
        try (ReferralStream stream = ReferralStream.start(REFERRALS)) {
            stream.awaitAccepted(REFERRALS / 3);
            PlatformUp.databaseProxy().refuse();
            long refusedAt = System.nanoTime();
            try {
                // meanwhile: a 503 problem from each service, soon, not a 500 and not a hang (the stream's writes too)
                for (String path : READS) {
                    long asked = System.nanoTime();
                    given().auth().oauth2(admin).when().get(path).then().statusCode(503).contentType("application/problem+json")
                            .header("Retry-After", org.hamcrest.Matchers.notNullValue());
                    long millis = Duration.ofNanos(System.nanoTime() - asked).toMillis();
                    assertTrue(millis < 5_000, path + " took " + millis + " ms to say it cannot reach its database");
                }
                Thread.sleep(Math.max(0, Duration.ofSeconds(10).toMillis() - Duration.ofNanos(System.nanoTime() - refusedAt).toMillis()));
            } finally {
                PlatformUp.databaseProxy().open();
            }
            referrals = stream.finish();
            Map<Integer, Integer> statuses = stream.statuses();
            System.out.println("Database refusing: answers " + statuses);
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 503), "only 200, 201 and 503: " + statuses);
            assertTrue(statuses.getOrDefault(503, 0) > 0, "the stream met the outage: " + statuses);
            assertEquals(List.of(), stream.unavailableWithoutProblem());
        }
        // recovered by themselves: every service answers again without a restart
        for (String path : READS) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().auth().oauth2(admin).when().get(path).then().extract().statusCode() == 200);
        }
        everythingArrivedOnce(referrals, deadLetteredBefore);
    }

    @Test
    @Order(4)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyTopicReplayedFromOffsetZeroIntoEveryConsumerChangesNothing() throws Exception {
        Assumptions.assumeFalse(LocalPlatform.ALREADY_RUNNING, "it stops the services and rewinds their consumer groups");
        Map<String, Long> deadLetteredBefore = deadLettered();
        awaitCaughtUp();
        Map<String, String> before = Delivery.fingerprint();
        try (Topics topics = new Topics()) {
            for (String service : List.of("outcomes-service", "directory-service", "caseload-service", "referral-service")) {
                LocalPlatform.stop(service);
            }
            topics.rewindEveryGroup();
            assertTrue(topics.lag().values().stream().allMatch(l -> l > 0), "every group is to read its topics again: " + topics.lag());
            LocalPlatform.run("up");
            Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> topics.lag().values().stream().allMatch(l -> l == 0));
        }
        awaitCaughtUp();
        Map<String, String> after = Delivery.fingerprint();
        Map<String, String> changed = new java.util.TreeMap<>();
        before.forEach((table, digest) -> {
            if (!digest.equals(after.get(table))) {
                changed.put(table, digest + " -> " + after.get(table));
            }
        });
        assertEquals(Map.of(), changed, "a replay changes no row of any table of any service (rows:digest before -> after)");
        assertEquals(before.keySet(), after.keySet());
        assertEquals(deadLetteredBefore, deadLettered(), "nothing dead-lettered");
    }

    /** Every accepted referral has one case, every event reached every consumer once, nothing waits or was dead-lettered. */
    private static void everythingArrivedOnce(List<String> referrals, Map<String, Long> deadLetteredBefore) throws Exception {
        assertEquals(REFERRALS, referrals.stream().distinct().count(), "one referral each");
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> Delivery.casesFor(referrals)[0] == REFERRALS);
        long[] cases = Delivery.casesFor(referrals);
        assertEquals(REFERRALS, cases[1], "each accepted referral has exactly one case");
        awaitCaughtUp();
        long[] projected = Delivery.projectedFor(referrals);
        assertEquals(REFERRALS, projected[0], "outcomes counts every acceptance");
        assertEquals(REFERRALS, projected[1], "outcomes counts every case");
        assertEquals(Map.of(), Delivery.unknownHandled(), "no consumer handled an event that was never written");
        assertEquals(deadLetteredBefore, deadLettered(), "nothing dead-lettered");
    }

    /** Until every outbox is empty and every consumer has handled every event its producers wrote. */
    private static void awaitCaughtUp() {
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> Delivery.pending().isEmpty() && Delivery.undelivered().isEmpty());
    }

    private static Map<String, Long> deadLettered() throws Exception {
        try (Topics topics = new Topics()) {
            return topics.deadLettered();
        }
    }

    /** kill -9: no shutdown hook, no flush, no goodbye to the group coordinator. */
    private static void kill(String component) throws Exception {
        long pid = Long.parseLong(Files.readString(LocalPlatform.home().resolve("pids/" + component + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
        process.onExit().get(30, TimeUnit.SECONDS);
    }
}
