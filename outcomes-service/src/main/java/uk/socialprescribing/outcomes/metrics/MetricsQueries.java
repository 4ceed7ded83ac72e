package uk.socialprescribing.outcomes.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.socialprescribing.outcomes.measure.Instrument;
import uk.socialprescribing.outcomes.measure.Scales;
import uk.socialprescribing.outcomes.measure.Scoring;
import uk.socialprescribing.outcomes.metrics.MetricTable.Column;
import uk.socialprescribing.outcomes.projection.Projections;

/**
 * The commissioners' metrics, computed from the projections (and the recorded measures) in one or two queries each,
 * grouped in the database. Every table goes out through {@link MetricTable.Builder}, which suppresses small numbers.
 * Over 300 lines: nine metrics, each a query and its columns; a metric as a definition run by one runner is the next
 * split.
 */
@ApplicationScoped
@Transactional
public class MetricsQueries {

    /** The breakdowns each metric offers, and the SQL that keys a row (over r: referral, c: case_fact, x: connection_fact). */
    static final Map<String, String> REFERRAL_KEYS = Map.of(
            "month", "to_char(r.received_at at time zone 'Europe/London', 'YYYY-MM')",
            "source", "coalesce(r.referrer_type, 'unknown')",
            "practice", "coalesce(r.practice, 'unknown')",
            "pcn", "coalesce(r.pcn, 'unknown')",
            "reason", "reason.code");
    static final Map<String, String> CASE_KEYS = Map.of(
            "month", "to_char(c.closed_at at time zone 'Europe/London', 'YYYY-MM')",
            "pcn", "coalesce(c.pcn, r.pcn, 'unknown')",
            "practice", "coalesce(c.practice, r.practice, 'unknown')",
            "reason", "coalesce(c.close_reason, 'unknown')");
    static final Map<String, String> CONNECTION_KEYS = Map.of(
            "category", "coalesce(x.category, 'unknown')",
            "pcn", "coalesce(x.pcn, 'unknown')",
            "month", "to_char(x.made_at at time zone 'Europe/London', 'YYYY-MM')");

    private final EntityManager entityManager;
    private final Projections projections;
    private final Scoring scoring;

    private final Clock clock;
    public MetricsQueries(EntityManager entityManager, Projections projections, Scoring scoring, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.projections = projections;
        this.scoring = scoring;
    }

    public MetricTable referrals(Period period, String by) {
        String s = projections.current();
        String from = " from " + s + ".referral r" + ("reason".equals(by)
                ? " cross join lateral unnest(string_to_array(coalesce(r.reasons, 'unknown'), ',')) reason(code)" : "")
                + " where r.received_at >= :start and r.received_at < :end";
        String columns = "count(*) as received, count(*) filter (where r.triage_outcome = 'accepted') as accepted, "
                + "count(*) filter (where r.triage_outcome = 'declined') as declined, "
                + "count(*) filter (where r.triage_outcome = 'redirected') as redirected, "
                + "count(*) filter (where r.withdrawn_at is not null) as withdrawn";
        List<Column> cols = List.of(Column.count("received", "Referrals received"), Column.count("accepted", "Accepted at triage"),
                Column.count("declined", "Declined at triage"), Column.count("redirected", "Redirected to another service"),
                Column.count("withdrawn", "Withdrawn"));
        // a referral with two reasons is in two rows: by reason, the rows do not add up to the total
        MetricTable.Builder table = new MetricTable.Builder("referrals", period, List.of(by), cols, !"reason".equals(by));
        if ("reason".equals(by)) {
            grouped(table, REFERRAL_KEYS.get(by), columns, from, period, by, cols);
            table.total(single("select " + columns + " from " + s + ".referral r where r.received_at >= :start and r.received_at < :end", period, cols));
        } else {
            groupedWithTotal(table, REFERRAL_KEYS.get(by), columns, from, period, by, cols);
        }
        return table.build();
    }

    public MetricTable declines(Period period, String by) {
        String s = projections.current();
        String key = "reason".equals(by) ? "coalesce(r.triage_reason, 'unknown')" : REFERRAL_KEYS.get(by);
        List<Column> cols = List.of(Column.count("declined", "Referrals declined at triage"));
        String from = " from " + s + ".referral r where r.triage_outcome = 'declined' and r.triaged_at >= :start and r.triaged_at < :end";
        MetricTable.Builder table = new MetricTable.Builder("referral-declines", period, List.of(by), cols, true);
        groupedWithTotal(table, key, "count(*) as declined", from, period, by, cols);
        return table.build();
    }

    public MetricTable waits(Period period, String by) {
        String s = projections.current();
        String days = "extract(epoch from %s - r.received_at) / 86400";
        String columns = "count(r.triaged_at) as referrals_triaged, "
                + "percentile_cont(0.5) within group (order by " + days.formatted("r.triaged_at") + ") as median_days_to_triage, "
                + "percentile_cont(0.9) within group (order by " + days.formatted("r.triaged_at") + ") as p90_days_to_triage, "
                + "count(fc.first_contact) as referrals_contacted, "
                + "percentile_cont(0.5) within group (order by " + days.formatted("fc.first_contact") + ") as median_days_to_first_contact, "
                + "percentile_cont(0.9) within group (order by " + days.formatted("fc.first_contact") + ") as p90_days_to_first_contact, "
                + "count(*) filter (where fc.before_referral > 0) as referrals_with_sessions_before_receipt";
        // each referral's first attended session, found in one grouped pass (a lookup per referral was seconds at 100,000);
        // a session dated before its referral is not a first contact (a wait cannot be negative): it is counted apart
        String from = " from " + s + ".referral r left join (select c.referral_id, min(sf.at) filter (where sf.at >= rr.received_at) as first_contact, "
                + "count(*) filter (where sf.at < rr.received_at) as before_referral from " + s + ".referral rr join "
                + s + ".case_fact c on c.referral_id = rr.referral_id join " + s + ".session_fact sf on sf.case_id = c.case_id and sf.attended "
                + "where rr.received_at >= :start and rr.received_at < :end group by c.referral_id) fc on fc.referral_id = r.referral_id "
                + "where r.received_at >= :start and r.received_at < :end";
        List<Column> cols = List.of(Column.count("referrals_triaged", "Referrals triaged"),
                Column.statistic("median_days_to_triage", "referrals_triaged", "Median days from referral to triage"),
                Column.statistic("p90_days_to_triage", "referrals_triaged", "90th percentile of days from referral to triage"),
                Column.count("referrals_contacted", "Referrals whose person has had a first session"),
                Column.statistic("median_days_to_first_contact", "referrals_contacted", "Median days from referral to the first session"),
                Column.statistic("p90_days_to_first_contact", "referrals_contacted", "90th percentile of days from referral to the first session"),
                Column.count("referrals_with_sessions_before_receipt",
                        "Referrals with an attended session dated before the referral arrived: a recording error, left out of the waits"));
        MetricTable.Builder table = new MetricTable.Builder("waits", period, List.of(by), cols, true);
        groupedWithTotal(table, REFERRAL_KEYS.get(by), columns, from, period, by, cols);
        return table.build();
    }

    public MetricTable sessions(Period period, String by) {
        String s = projections.current();
        String columns = "count(*) as cases_closed, avg(coalesce(ss.attended, 0)) as mean_sessions_per_case, "
                + "percentile_cont(0.5) within group (order by coalesce(ss.attended, 0)) as median_sessions_per_case, "
                + "100.0 * sum(coalesce(ss.missed, 0)) / nullif(sum(coalesce(ss.attended, 0) + coalesce(ss.missed, 0)), 0) as dna_rate_percent";
        // each closed case's sessions counted in one grouped pass, not a lookup per case
        String from = " from " + s + ".case_fact c left join " + s + ".referral r on r.referral_id = c.referral_id left join "
                + "(select sf.case_id, count(*) filter (where sf.attended) as attended, count(*) filter (where not sf.attended) as missed from "
                + s + ".case_fact cc join " + s + ".session_fact sf on sf.case_id = cc.case_id where cc.closed_at >= :start and cc.closed_at < :end "
                + "group by sf.case_id) ss on ss.case_id = c.case_id where c.closed_at >= :start and c.closed_at < :end";
        List<Column> cols = List.of(Column.count("cases_closed", "Cases closed"),
                Column.statistic("mean_sessions_per_case", "cases_closed", "Mean sessions attended per closed case"),
                Column.statistic("median_sessions_per_case", "cases_closed", "Median sessions attended per closed case"),
                Column.statistic("dna_rate_percent", "cases_closed", "Sessions not attended, as a percentage of sessions booked"));
        MetricTable.Builder table = new MetricTable.Builder("sessions", period, List.of(by), cols, true);
        groupedWithTotal(table, CASE_KEYS.get(by), columns, from, period, by, cols);
        return table.build();
    }

    public MetricTable closures(Period period, String by) {
        String s = projections.current();
        String from = " from " + s + ".case_fact c left join " + s + ".referral r on r.referral_id = c.referral_id "
                + "where c.closed_at >= :start and c.closed_at < :end";
        List<Column> cols = List.of(Column.count("cases_closed", "Cases closed"));
        MetricTable.Builder table = new MetricTable.Builder("closures", period, List.of(by), cols, true);
        groupedWithTotal(table, CASE_KEYS.get(by), "count(*) as cases_closed", from, period, by, cols);
        return table.build();
    }

    public MetricTable connections(Period period, String by) {
        String s = projections.current();
        String columns = "count(*) as made, " + String.join(", ", List.of("suggested", "referred", "attending", "completed", "declined",
                "dropped-out").stream().map(st -> "count(*) filter (where x.status = '" + st + "') as " + st.replace('-', '_')).toList());
        String from = " from " + s + ".connection_fact x where x.made_at >= :start and x.made_at < :end";
        List<Column> cols = new ArrayList<>(List.of(Column.count("made", "Connections made to community services")));
        for (String status : List.of("suggested", "referred", "attending", "completed", "declined", "dropped_out")) {
            cols.add(Column.count(status, "Connections now " + status.replace('_', ' ')));
        }
        MetricTable.Builder table = new MetricTable.Builder("connections", period, List.of(by), cols, true);
        groupedWithTotal(table, CONNECTION_KEYS.get(by), columns, from, period, by, cols);
        return table.build();
    }

    /** Connections declined because there was no space or nothing suitable nearby, by activity and network. */
    public MetricTable unmetNeed(Period period) {
        String s = projections.current();
        String columns = "count(*) filter (where x.reason = 'no-space') as no_space, "
                + "count(*) filter (where x.reason = 'nothing-suitable-nearby') as nothing_suitable_nearby";
        String from = " from " + s + ".connection_fact x where x.status = 'declined' and x.reason in ('no-space', 'nothing-suitable-nearby') "
                + "and x.updated_at >= :start and x.updated_at < :end";
        List<Column> cols = List.of(Column.count("no_space", "Connections declined: no space"),
                Column.count("nothing_suitable_nearby", "Connections declined: nothing suitable nearby"));
        MetricTable.Builder table = new MetricTable.Builder("unmet-need", period, List.of("category", "pcn"), cols, true);
        for (Object o : query("select coalesce(x.category, 'unknown') as category, coalesce(x.pcn, 'unknown') as pcn, " + columns + from
                + " group by 1, 2 order by 1, 2", period).getResultList()) {
            Tuple t = (Tuple) o;
            Map<String, String> key = new LinkedHashMap<>();
            key.put("category", (String) t.get("category"));
            key.put("pcn", (String) t.get("pcn"));
            table.row(key, values(t, cols));
        }
        table.total(single("select " + columns + from, period, cols));
        return table.build();
    }

    /** Cases waiting for a link worker at the period's end, by network, and how long they have waited. */
    public MetricTable waiting(Period period) {
        String s = projections.current();
        String columns = "count(*) as cases_waiting, "
                + "percentile_cont(0.5) within group (order by extract(epoch from cast(:asOf as timestamptz) - c.waitlisted_at) / 86400) as median_days_waiting, "
                + "max(extract(epoch from cast(:asOf as timestamptz) - c.waitlisted_at) / 86400) as longest_days_waiting";
        String from = " from " + s + ".case_fact c left join " + s + ".referral r on r.referral_id = c.referral_id "
                + "where c.waitlisted_at < cast(:asOf as timestamptz) and (c.assigned_at is null or c.assigned_at > cast(:asOf as timestamptz)) and (c.closed_at is null or c.closed_at > cast(:asOf as timestamptz))";
        List<Column> cols = List.of(Column.count("cases_waiting", "Cases waiting for a link worker"),
                Column.statistic("median_days_waiting", "cases_waiting", "Median days waited so far"),
                Column.statistic("longest_days_waiting", "cases_waiting", "Longest wait so far, in days"));
        Instant now = clock.instant();
        Instant asOf = now.isBefore(period.end()) ? now : period.end();
        MetricTable.Builder table = new MetricTable.Builder("waiting-list", period, List.of("pcn"), cols, true);
        for (Object o : entityManager.createNativeQuery("select coalesce(c.pcn, r.pcn, 'unknown') as k, " + columns + from
                + " group by 1 order by 1", Tuple.class).setParameter("asOf", asOf).getResultList()) {
            Tuple t = (Tuple) o;
            table.row(Map.of("pcn", (String) t.get("k")), values(t, cols));
        }
        table.total(values((Tuple) entityManager.createNativeQuery("select " + columns + from, Tuple.class).setParameter("asOf", asOf)
                .getSingleResult(), cols));
        return table.build();
    }

    /**
     * For each scale: the change from a case's first baseline to its latest follow-up or exit completed in the period, its
     * mean with a 95% confidence interval, and the share of people whose change was a meaningful improvement.
     */
    public MetricTable measures(Period period, String pcn) {
        String s = projections.current();
        List<Column> cols = List.of(Column.count("people", "People with a baseline and a later measure"),
                Column.statistic("mean_change", "people", "Mean change from baseline (a negative change is better on UCLA3 and ONS4 anxiety)"),
                Column.statistic("ci95_low", "people", "95% confidence interval of the mean change: low"),
                Column.statistic("ci95_high", "people", "95% confidence interval of the mean change: high"),
                Column.count("improved", "People whose change met the scale's meaningful improvement"),
                Column.percent("improved_percent", "improved", "people",
                        "People whose change met the scale's meaningful improvement, as a percentage of people measured"));
        Map<String, List<double[]>> pairs = new LinkedHashMap<>();
        Scales.ALL.forEach(scale -> pairs.put(scale, new ArrayList<>()));
        String sql = """
                with latest as (
                    select distinct on (m.case_id, m.instrument) m.case_id, m.instrument, m.score, m.item_scores
                    from measurement m where m.timepoint <> 'baseline'
                    and m.completed_on >= cast(cast(:start as timestamptz) at time zone 'Europe/London' as date)
                    and m.completed_on < cast(cast(:end as timestamptz) at time zone 'Europe/London' as date)
                    order by m.case_id, m.instrument, m.completed_on desc, m.recorded_at desc, m.id),
                first as (
                    select distinct on (m.case_id, m.instrument) m.case_id, m.instrument, m.score, m.item_scores, m.recorded_at
                    from measurement m where m.timepoint = 'baseline' order by m.case_id, m.instrument, m.completed_on, m.recorded_at, m.id)
                select f.instrument, f.score as before_score, f.item_scores as before_items, l.score as after_score, l.item_scores as after_items
                from first f join latest l on l.case_id = f.case_id and l.instrument = f.instrument
                left join %s.case_fact c on c.case_id = f.case_id left join %s.referral r on r.referral_id = c.referral_id
                """.formatted(s, s) + (pcn == null ? "" : " where coalesce(c.pcn, r.pcn) = :pcn");
        var query = query(sql, period);
        if (pcn != null) {
            query.setParameter("pcn", pcn);
        }
        ObjectMapper json = new ObjectMapper();
        for (Object o : query.getResultList()) {
            Tuple t = (Tuple) o;
            Instrument instrument = Instrument.valueOf((String) t.get("instrument"));
            Map<String, BigDecimal> before = Scales.values(instrument, (BigDecimal) t.get("before_score"), items(json, (String) t.get("before_items")));
            Map<String, BigDecimal> after = Scales.values(instrument, (BigDecimal) t.get("after_score"), items(json, (String) t.get("after_items")));
            before.forEach((scale, b) -> {
                BigDecimal a = after.get(scale);
                if (b != null && a != null) {
                    pairs.get(scale).add(new double[] { a.subtract(b).doubleValue(), Scales.improved(scoring, scale, b, a) ? 1 : 0 });
                }
            });
        }
        MetricTable.Builder table = new MetricTable.Builder("outcome-measures", period, List.of("measure"), cols, false);
        pairs.forEach((scale, changes) -> {
            Statistics.MeanWithInterval mean = Statistics.meanWithInterval(changes.stream().map(c -> c[0]).toList());
            Map<String, Number> values = new LinkedHashMap<>();
            values.put("people", changes.size());
            values.put("mean_change", mean.mean());
            values.put("ci95_low", mean.low());
            values.put("ci95_high", mean.high());
            values.put("improved", changes.stream().filter(c -> c[1] == 1).count());
            table.row(Map.of("measure", scale), values);
        });
        return table.build();
    }

    private static Map<String, Integer> items(ObjectMapper json, String items) {
        try {
            return json.readValue(items, new TypeReference<LinkedHashMap<String, Integer>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void grouped(MetricTable.Builder table, String key, String columns, String from, Period period, String by, List<Column> cols) {
        for (Object o : query("select " + key + " as k, " + columns + from + " group by 1 order by 1", period).getResultList()) {
            Tuple t = (Tuple) o;
            table.row(Map.of(by, (String) t.get("k")), values(t, cols));
        }
    }

    /** The groups and the total in one pass over the rows (grouping sets), where the total counts the same rows. */
    private void groupedWithTotal(MetricTable.Builder table, String key, String columns, String from, Period period, String by,
            List<Column> cols) {
        for (Object o : query("select " + key + " as k, grouping(" + key + ") as is_total, " + columns + from + " group by grouping sets (("
                + key + "), ()) order by 2, 1", period).getResultList()) {
            Tuple t = (Tuple) o;
            if (((Number) t.get("is_total")).intValue() == 1) {
                table.total(values(t, cols));
            } else {
                table.row(Map.of(by, (String) t.get("k")), values(t, cols));
            }
        }
    }

    private Map<String, Number> single(String sql, Period period, List<Column> cols) {
        return values((Tuple) query(sql, period).getSingleResult(), cols);
    }

    private Query query(String sql, Period period) {
        return entityManager.createNativeQuery(sql, Tuple.class).setParameter("start", period.start()).setParameter("end", period.end());
    }

    /** The row's figures by column: counts as longs, statistics as they are (the table rounds them; null where there is nothing to measure). */
    private static Map<String, Number> values(Tuple t, List<Column> cols) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (Column column : cols) {
            if (column.kind() == MetricTable.Kind.PERCENT) {
                continue; // worked out by the table from its counts
            }
            Number n = (Number) t.get(column.name());
            values.put(column.name(), n == null ? null : column.kind() == MetricTable.Kind.COUNT ? (Number) n.longValue()
                    : (Number) n.doubleValue());
        }
        return values;
    }
}
