package uk.socialprescribing.outcomes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.socialprescribing.events.EventData;
import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.CaseWaitlisted;
import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.ConnectionUpdated;
import uk.socialprescribing.events.caseload.SessionCompleted;
import uk.socialprescribing.events.caseload.SessionMissed;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralDeclined;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.events.referral.ReferralRedirected;
import uk.socialprescribing.testing.TestEvents;
import uk.socialprescribing.testing.TestTokens;

/**
 * The commissioners' metrics on a scripted sequence of events, sent through the real broker, whose expected figures
 * are worked out by hand below: February 2024 for referrals, waits, connections and the waiting list; March 2024 for
 * closures. Networks T1 (eight referrals, accepted), T2 (one declined, one redirected), T3 (eight waiting), T4 (one
 * waiting) are this test's own.
 */
@QuarkusTest
class MetricsTest {

    static final Instant FEB = Instant.parse("2024-02-01T09:00:00Z");
    static final String T1 = "T10001";
    static final String T2 = "T10002";
    static final String T3 = "T10003";
    static final String T4 = "T10004";
    static final String T5 = "T10005";
    static boolean scripted;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    static final String ADMIN = TestTokens.admin();

    void send(String source, EventData data) {
        TestEvents.publish(kafka, source, data);
    }

    static Instant days(Instant from, double days) {
        return from.plus((long) (days * 24 * 60), ChronoUnit.MINUTES);
    }

    @BeforeEach
    void theScript() {
        if (scripted) {
            return;
        }
        // T1: referral i (1..8) received on day i-1 of February, accepted i days later; its case's first session i+5 days
        // after the referral, a second a day later; cases 1 and 2 each miss one; all close on 10 March, goals met
        for (int i = 1; i <= 8; i++) {
            UUID referral = UUID.randomUUID();
            UUID caseId = UUID.randomUUID();
            Instant received = days(FEB, i - 1);
            send("referral-service", new ReferralReceived(referral, "gp-practice", "B82005", "B82005", T1, List.of("loneliness-or-isolation"),
                    "routine", received));
            send("referral-service", new ReferralAccepted(referral, "B82005", T1, "routine", "en", false, days(received, i)));
            send("caseload-service", new CaseOpened(caseId, referral, "B82005", days(received, i)));
            send("caseload-service", new CaseAssigned(caseId, UUID.randomUUID(), "lw-t1", T1, days(received, i)));
            send("caseload-service", new SessionCompleted(caseId, UUID.randomUUID(), 1, "in-person", days(received, i + 5)));
            send("caseload-service", new SessionCompleted(caseId, UUID.randomUUID(), 2, "in-person", days(received, i + 6)));
            if (i <= 2) {
                send("caseload-service", new SessionMissed(caseId, UUID.randomUUID(), days(received, i + 7)));
            }
            send("caseload-service", new CaseClosed(caseId, referral, "goals-met", 2, List.of(), Instant.parse("2024-03-10T12:00:00Z")));
        }
        // T2: one declined two days after it came, one redirected after a day
        UUID declined = UUID.randomUUID();
        send("referral-service", new ReferralReceived(declined, "gp-practice", "B82006", "B82006", T2, List.of("debt"), "routine", days(FEB, 8)));
        send("referral-service", new ReferralDeclined(declined, "needs-clinical-care", days(FEB, 10)));
        UUID redirected = UUID.randomUUID();
        send("referral-service", new ReferralReceived(redirected, "gp-practice", "B82006", "B82006", T2, List.of("debt"), "routine", days(FEB, 9)));
        send("referral-service", new ReferralRedirected(redirected, "Citizens Advice", "debt-advice", days(FEB, 10)));
        // connections in February: nine walking groups declined for no space (T1); an arts group suggested, then declined:
        // nothing suitable nearby (T2)
        for (int i = 0; i < 9; i++) {
            send("caseload-service", new ConnectionMade(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), T1, "walking", "declined",
                    "no-space", days(FEB, 3)));
        }
        UUID arts = UUID.randomUUID();
        UUID artsCase = UUID.randomUUID();
        send("caseload-service", new ConnectionMade(artsCase, arts, UUID.randomUUID(), T2, "arts-and-crafts", "suggested", null, days(FEB, 4)));
        send("caseload-service", new ConnectionUpdated(artsCase, arts, UUID.randomUUID(), T2, "arts-and-crafts", "declined",
                "nothing-suitable-nearby", days(FEB, 5)));
        // the waiting list: eight T3 cases waiting since 10..17 February (referred in January), one T4 case since the 20th
        for (int i = 0; i < 9; i++) {
            UUID referral = UUID.randomUUID();
            UUID caseId = UUID.randomUUID();
            String pcn = i < 8 ? T3 : T4;
            send("referral-service", new ReferralReceived(referral, "gp-practice", "B82007", "B82007", pcn, List.of("low-mood"), "routine",
                    Instant.parse("2024-01-15T09:00:00Z")));
            send("referral-service", new ReferralAccepted(referral, "B82007", pcn, "routine", "en", false, Instant.parse("2024-01-16T09:00:00Z")));
            send("caseload-service", new CaseOpened(caseId, referral, "B82007", Instant.parse("2024-01-16T09:00:00Z")));
            send("caseload-service", new CaseWaitlisted(caseId, i < 8 ? Instant.parse("2024-02-%02dT00:00:00Z".formatted(10 + i))
                    : Instant.parse("2024-02-20T00:00:00Z")));
        }
        // April, T5: eight referrals received on the 10th..17th, each with a session recorded 20 days before it arrived
        // (a recording error) and the real first contact 3 days after
        for (int i = 0; i < 8; i++) {
            UUID referral = UUID.randomUUID();
            UUID caseId = UUID.randomUUID();
            Instant received = Instant.parse("2024-04-%02dT09:00:00Z".formatted(10 + i));
            send("referral-service", new ReferralReceived(referral, "gp-practice", "B82005", "B82005", T5, List.of("low-mood"), "routine", received));
            send("referral-service", new ReferralAccepted(referral, "B82005", T5, "routine", "en", false, days(received, 1)));
            send("caseload-service", new CaseOpened(caseId, referral, "B82005", days(received, 1)));
            send("caseload-service", new SessionCompleted(caseId, UUID.randomUUID(), 1, "in-person", days(received, -20)));
            send("caseload-service", new SessionCompleted(caseId, UUID.randomUUID(), 2, "in-person", days(received, 3)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath feb = metric("/api/outcomes/metrics/referrals", "month", "2024-02", "by", "pcn");
            JsonPath waiting = metric("/api/outcomes/metrics/unmet-need/waiting-list", "month", "2024-02");
            JsonPath closed = metric("/api/outcomes/metrics/sessions", "month", "2024-03", "by", "pcn");
            return feb.getInt("total.values.received") == 10 && waiting.getInt("total.values.cases_waiting") == 9
                    && closed.getInt("total.values.cases_closed") == 8 && closed.getDouble("total.values.dna_rate_percent") > 0
                    && metric("/api/outcomes/metrics/unmet-need", "month", "2024-02").getInt("total.values.no_space") == 9
                    && metric("/api/outcomes/metrics/waits", "month", "2024-04", "by", "pcn").getInt("total.values.referrals_triaged") == 8;
        });
        scripted = true;
    }

    static JsonPath metric(String path, String... query) {
        var request = given().auth().oauth2(TestTokens.commissioner());
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(JsonPath table, String key, String value) {
        return table.getList("rows", Map.class).stream().map(r -> (Map<String, Object>) r)
                .filter(r -> value.equals(((Map<?, ?>) r.get("key")).get(key))).findFirst().orElseThrow(() -> new AssertionError(value + " in " + table.prettify()));
    }

    /** The row's figures: counts as Integer, statistics as Double to two places (JSON numbers arrive as Integer or Float). */
    static List<Object> values(Map<String, Object> row, String... columns) {
        Map<?, ?> values = (Map<?, ?>) row.get("values");
        List<Object> out = new ArrayList<>();
        for (String column : columns) {
            Object v = values.get(column);
            out.add(v == null ? null : v instanceof Float || v instanceof Double ? (Object) (Math.round(((Number) v).doubleValue() * 100) / 100.0)
                    : (Object) ((Number) v).intValue());
        }
        return out;
    }

    @Test
    void referralsByNetworkWithSmallNumbersSuppressedAndTheTotalThatWouldRevealOne() {
        JsonPath feb = metric("/api/outcomes/metrics/referrals", "month", "2024-02", "by", "pcn");
        // T1: 8 received and accepted -> 10 each. T2: 2 received, 1 declined, 1 redirected -> suppressed (1 to 7).
        // Received: T2's alone could be worked out from the total (10), so T1's goes too (secondary).
        // Declined and redirected: T2's are the only ones, so the total would say them: the totals go.
        assertEquals(Arrays.asList(null, 10, 0, 0, 0), values(row(feb, "pcn", T1), "received", "accepted", "declined", "redirected", "withdrawn"));
        assertEquals(Arrays.asList(null, 0, null, null, 0), values(row(feb, "pcn", T2), "received", "accepted", "declined", "redirected", "withdrawn"));
        assertEquals(Arrays.asList(10, 8, null, null, 0), values(feb.getMap("total"), "received", "accepted", "declined", "redirected", "withdrawn"));
        List<String> suppressed = feb.getList("suppressed", Map.class).stream().map(s -> s.get("row") + ":" + s.get("column") + ":" + s.get("reason")).toList();
        assertTrue(suppressed.containsAll(List.of("pcn=T10002:received:count-1-to-7", "pcn=T10001:received:secondary",
                "pcn=T10002:declined:count-1-to-7", "total:declined:secondary", "total:redirected:secondary")), suppressed.toString());
        // declines by their reason
        JsonPath declines = metric("/api/outcomes/metrics/referrals/declines", "month", "2024-02");
        assertEquals(Arrays.asList((Object) null), values(row(declines, "reason", "needs-clinical-care"), "declined"));
    }

    @Test
    void waitsAreMediansAndNinetiethPercentilesInDays() {
        JsonPath waits = metric("/api/outcomes/metrics/waits", "month", "2024-02", "by", "pcn");
        // T1: triage after 1..8 days: median 4.5, p90 at 0.9 x 7 = 6.3 -> 7 + 0.3 = 7.3; first session after 6..13: 9.5 and 12.3
        assertEquals(List.of(4.5, 7.3, 9.5, 12.3), values(row(waits, "pcn", T1), "median_days_to_triage", "p90_days_to_triage",
                "median_days_to_first_contact", "p90_days_to_first_contact"));
        // T2: two people: no statistic
        assertEquals(Arrays.asList(null, null), values(row(waits, "pcn", T2), "median_days_to_triage", "p90_days_to_triage"));
        // the whole area: 1,1,2,2,3,4,5,6,7,8 -> median 3.5; p90 at 0.9 x 9 = 8.1 -> 7 + 0.1 = 7.1
        assertEquals(List.of(3.5, 7.1), values(waits.getMap("total"), "median_days_to_triage", "p90_days_to_triage"));
    }

    @Test
    void aSessionDatedBeforeItsReferralIsNeverAFirstContactAndIsCountedApart() {
        JsonPath april = metric("/api/outcomes/metrics/waits", "month", "2024-04", "by", "pcn");
        // counted from the sessions before receipt, the median wait would be -20 days; it is the real first contact's 3
        assertEquals(List.of(8, 3.0, 3.0, 8), values(april.getMap("total"), "referrals_contacted", "median_days_to_first_contact",
                "p90_days_to_first_contact", "referrals_with_sessions_before_receipt"));
    }

    @Test
    void sessionsPerCaseAndTheRateOfSessionsMissed() {
        JsonPath march = metric("/api/outcomes/metrics/sessions", "month", "2024-03", "by", "pcn");
        // eight cases, two sessions each, two missed: 2/18 = 11.1% (one place below the whole area)
        assertEquals(List.of(10, 2.0, 2.0, 11.1), values(row(march, "pcn", T1), "cases_closed", "mean_sessions_per_case",
                "median_sessions_per_case", "dna_rate_percent"));
        JsonPath closures = metric("/api/outcomes/metrics/closures", "month", "2024-03");
        assertEquals(List.of(10), values(row(closures, "reason", "goals-met"), "cases_closed"));
        assertEquals(List.of(8), values(closures.getMap("total"), "cases_closed"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void unmetNeedByActivityAndNetworkAndTheWaitingList() {
        JsonPath need = metric("/api/outcomes/metrics/unmet-need", "month", "2024-02");
        Map<String, Object> walking = need.getList("rows", Map.class).stream().map(r -> (Map<String, Object>) r)
                .filter(r -> "walking".equals(((Map<?, ?>) r.get("key")).get("category")) && T1.equals(((Map<?, ?>) r.get("key")).get("pcn")))
                .findFirst().orElseThrow();
        assertEquals(List.of(10, 0), values(walking, "no_space", "nothing_suitable_nearby"));
        assertEquals(Arrays.asList(9, null), values(need.getMap("total"), "no_space", "nothing_suitable_nearby"));

        JsonPath waiting = metric("/api/outcomes/metrics/unmet-need/waiting-list", "month", "2024-02");
        // as of 1 March: T3's eight have waited 20, 19, ... 13 days: median 16.5, longest 20; T4's one is suppressed, and
        // T3's count with it (it alone could be worked out from the total of 9)
        assertEquals(Arrays.asList(null, 16.5, 20.0), values(row(waiting, "pcn", T3), "cases_waiting", "median_days_waiting", "longest_days_waiting"));
        assertEquals(Arrays.asList(null, null, null), values(row(waiting, "pcn", T4), "cases_waiting", "median_days_waiting", "longest_days_waiting"));
        assertEquals(9, waiting.getInt("total.values.cases_waiting"));

        // connections by network: T2's one is suppressed, and T1's nine go with it (the total of 10 would give T2's away)
        JsonPath connections = metric("/api/outcomes/metrics/connections", "month", "2024-02", "by", "pcn");
        assertEquals(Arrays.asList(null, null, 0), values(row(connections, "pcn", T1), "made", "declined", "attending"));
        assertEquals(List.of(10, 10), values(connections.getMap("total"), "made", "declined"));
        assertTrue(connections.getList("suppressed", Map.class).stream()
                .anyMatch(s -> "pcn=T10001".equals(s.get("row")) && "made".equals(s.get("column")) && "secondary".equals(s.get("reason"))));
    }

    @Test
    void csvCarriesTheSameFiguresWithSuppressedCellsMarked() throws Exception {
        String csv = given().auth().oauth2(TestTokens.commissioner()).accept("text/csv").queryParam("month", "2024-02").queryParam("by", "pcn")
                .when().get("/api/outcomes/metrics/referrals").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("referrals-2024-02.csv")).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertEquals(List.of("pcn", "received", "accepted", "declined", "redirected", "withdrawn", "suppressed"), records.get(0).getParser().getHeaderNames());
        CSVRecord t2 = records.stream().filter(r -> r.get("pcn").equals(T2)).findFirst().orElseThrow();
        assertEquals(List.of("*", "0", "*", "*", "0"), List.of(t2.get("received"), t2.get("accepted"), t2.get("declined"), t2.get("redirected"),
                t2.get("withdrawn")));
        assertTrue(t2.get("suppressed").contains("received: count-1-to-7"));
        CSVRecord total = records.get(records.size() - 1);
        assertEquals(List.of("all", "10", "8", "*"), List.of(total.get("pcn"), total.get("received"), total.get("accepted"), total.get("declined")));
    }

    @Test
    void aRebuildFromTheTopicsReadsTheSameAsTheLiveProjections() {
        List<String[]> reads = List.of(new String[] { "/api/outcomes/metrics/referrals", "month", "2024-02", "by", "pcn" },
                new String[] { "/api/outcomes/metrics/waits", "month", "2024-02", "by", "pcn" },
                new String[] { "/api/outcomes/metrics/sessions", "month", "2024-03", "by", "pcn" },
                new String[] { "/api/outcomes/metrics/connections", "month", "2024-02" },
                new String[] { "/api/outcomes/metrics/unmet-need", "month", "2024-02" },
                new String[] { "/api/outcomes/metrics/unmet-need/waiting-list", "month", "2024-02" },
                new String[] { "/api/outcomes/metrics/referrals", "from", "2020-01-01", "to", "2030-12-31", "by", "reason" });
        List<Object> before = new ArrayList<>();
        reads.forEach(r -> before.add(metric(r[0], Arrays.copyOfRange(r, 1, r.length)).get("")));
        Map<String, Object> result = given().auth().oauth2(ADMIN).when().post("/api/outcomes/admin/projections/rebuild").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertNotEquals(result.get("replaced"), result.get("schema"));
        assertTrue(((Number) result.get("events")).longValue() >= 100, result.toString());
        List<Object> after = new ArrayList<>();
        reads.forEach(r -> after.add(metric(r[0], Arrays.copyOfRange(r, 1, r.length)).get("")));
        assertEquals(before, after);
        given().auth().oauth2(TestTokens.commissioner()).when().post("/api/outcomes/admin/projections/rebuild").then().statusCode(403);
    }

    @Test
    void onlyCommissionersAndAdminReadMetricsAndParametersAreChecked() {
        given().auth().oauth2(ADMIN).queryParam("month", "2024-02").when().get("/api/outcomes/metrics/connections").then().statusCode(200);
        for (String token : List.of(TestTokens.linkWorker(T1), TestTokens.gpPracticeSystem("B82005"),
                TestTokens.lead("lead", T1))) {
            given().auth().oauth2(token).when().get("/api/outcomes/metrics/referrals").then().statusCode(403).contentType("application/problem+json");
        }
        given().when().get("/api/outcomes/metrics/referrals").then().statusCode(401).contentType("application/problem+json");
        Map<String, String> bad = Map.of("by=astrology", "by", "month=2024-13", "month", "quarter=2024-Q5", "quarter", "from=2024-02-10&to=2024-02-01",
                "from", "month=2024-02&quarter=2024-Q1", "month", "from=yesterday", "from");
        bad.forEach((query, field) -> given().auth().oauth2(TestTokens.commissioner()).urlEncodingEnabled(false).when()
                .get("/api/outcomes/metrics/referrals?" + query).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
        given().auth().oauth2(TestTokens.commissioner()).queryParam("quarter", "2024-q1").when().get("/api/outcomes/metrics/waits").then()
                .statusCode(200).body("period.from", equalTo("2024-01-01")).body("period.to", equalTo("2024-03-31"));
    }
}
