package uk.socialprescribing.e2e;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the platform's databases say about its events: each producer's outbox against each consumer's inbox, the
 * cases opened for referrals, and a fingerprint of every table. Read straight from PostgreSQL, so that the checks do
 * not depend on the APIs of the services under test.
 */
final class Delivery {

    /** One consumer of one topic: the handler it records in its inbox. */
    record Route(String topic, String producer, String consumer, String handler) {
        @Override
        public String toString() {
            return topic + " (" + producer + ") -> " + consumer;
        }
    }

    /** Every topic of the catalogue, who writes it and every service that consumes it. */
    static final List<Route> ROUTES = List.of(
            new Route("referral-events", "referral", "caseload", "caseload.referral-events"),
            new Route("referral-events", "referral", "outcomes", "outcomes.referral-events"),
            new Route("caseload-events", "caseload", "referral", "referral.caseload-events"),
            new Route("caseload-events", "caseload", "directory", "directory.caseload-events"),
            new Route("caseload-events", "caseload", "outcomes", "outcomes.caseload-events"),
            new Route("directory-events", "directory", "caseload", "caseload.directory-events"),
            new Route("outcome-events", "outcomes", "referral", "referral.outcome-events"));

    private Delivery() {
    }

    /** For each route, the events its producer published that the consumer has not handled (empty when all arrived). */
    static Map<Route, Set<String>> undelivered() throws SQLException {
        return differences(true);
    }

    /** For each route, events the consumer handled that its producer never wrote (none, ever). */
    static Map<Route, Set<String>> unknownHandled() throws SQLException {
        return differences(false);
    }

    /** Published but not handled, or handled but not published, for each route where there are any. */
    private static Map<Route, Set<String>> differences(boolean publishedNotHandled) throws SQLException {
        Map<Route, Set<String>> differences = new LinkedHashMap<>();
        for (Route route : ROUTES) {
            Set<String> published = strings(route.producer(), "select event_id::text from outbox_event where topic = ?", route.topic());
            Set<String> handled = strings(route.consumer(), "select event_id from inbox_event where handler = ? and event_source = ?",
                    route.handler(), "/" + route.producer() + "-service");
            Set<String> difference = publishedNotHandled ? published : handled;
            difference.removeAll(publishedNotHandled ? handled : published);
            if (!difference.isEmpty()) {
                differences.put(route, difference);
            }
        }
        return differences;
    }

    /** Events still waiting in each service's outbox (none, once the platform has caught up). */
    static Map<String, Long> pending() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : List.of("referral", "caseload", "directory", "outcomes")) {
            long pending = LocalPlatform.count(LocalPlatform.database(service), "select count(*) from outbox_event where published_at is null");
            if (pending > 0) {
                counts.put(service, pending);
            }
        }
        return counts;
    }

    /** How many cases caseload holds for these referrals, and for how many distinct referrals. */
    static long[] casesFor(List<String> referralIds) throws SQLException {
        try (Connection c = connect("caseload");
                PreparedStatement s = c.prepareStatement("select count(*), count(distinct referral_id) from care_case where referral_id = any (?)")) {
            Array ids = c.createArrayOf("uuid", referralIds.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] { rs.getLong(1), rs.getLong(2) };
            }
        }
    }

    /** How many of these referrals the commissioners' projection holds as accepted and as opened cases. */
    static long[] projectedFor(List<String> referralIds) throws SQLException {
        String schema = LocalPlatform.text(LocalPlatform.database("outcomes"), "select projection from projection_generation where id = 1");
        try (Connection c = connect("outcomes");
                PreparedStatement s = c.prepareStatement("select (select count(*) from " + schema + ".referral where referral_id = any (?) "
                        + "and triage_outcome = 'accepted'), (select count(*) from " + schema + ".case_fact where referral_id = any (?))")) {
            Array ids = c.createArrayOf("uuid", referralIds.toArray());
            s.setArray(1, ids);
            s.setArray(2, ids);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] { rs.getLong(1), rs.getLong(2) };
            }
        }
    }

    /**
     * Tables that change with time whatever the events do: referral-service retries webhook deliveries to referrers on
     * a schedule (earlier tests registered webhooks that do not answer), so each delivery's attempts and next try move
     * on. A replay that sent a message twice would still show as one more delivery: their number is compared (true);
     * the attempts are not (false). The self-referral limit's buckets go when they are full again. The audit of reads
     * is sealed into its hash chain a few seconds after each row is written (its rows are counted: a replay adds none),
     * and the chain's head moves with it.
     */
    private static final Map<String, Boolean> KEPT_BY_THE_CLOCK = Map.of(
            "referral:public.webhook_delivery", true,
            "referral:public.webhook_attempt", false,
            "referral:public.self_referral_bucket", false,
            "referral:audit.personal_data_read", true,
            "caseload:audit.personal_data_read", true,
            "referral:audit.chain_head", false,
            "caseload:audit.chain_head", false);

    /**
     * A digest of every row of every table of each service's database (its schemas of its own, not PostgreSQL's):
     * any insert, update or delete changes the table's digest.
     */
    static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        for (String service : List.of("referral", "caseload", "directory", "outcomes")) {
            try (Connection c = connect(service); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_schema || '.' || table_name from information_schema.tables "
                        + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    String key = service + ":" + table;
                    if (KEPT_BY_THE_CLOCK.containsKey(key)) {
                        if (KEPT_BY_THE_CLOCK.get(key)) {
                            digests.put(key, LocalPlatform.count(LocalPlatform.database(service), "select count(*) from " + table) + " rows");
                        }
                        continue;
                    }
                    try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') "
                            + "from " + table + " t")) {
                        rs.next();
                        digests.put(key, rs.getString(1));
                    }
                }
            }
        }
        return digests;
    }

    private static Set<String> strings(String service, String sql, String... parameters) throws SQLException {
        try (Connection c = connect(service); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            Set<String> values = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static Connection connect(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + LocalPlatform.database(service), "postgres", "");
    }
}
