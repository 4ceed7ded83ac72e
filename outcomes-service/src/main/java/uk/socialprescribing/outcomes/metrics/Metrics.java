package uk.socialprescribing.outcomes.metrics;

import static uk.socialprescribing.outcomes.metrics.Metric.Breakdown.by;
import static uk.socialprescribing.outcomes.metrics.Metric.Figure.count;
import static uk.socialprescribing.outcomes.metrics.Metric.Figure.statistic;

import java.util.ArrayList;
import java.util.List;

import uk.socialprescribing.outcomes.metrics.Metric.Breakdown;
import uk.socialprescribing.outcomes.metrics.Metric.Figure;

/**
 * The commissioners' metrics that are counts and statistics of the projections' rows, each defined once: its rows, its
 * figures (name, description, SQL) and its breakdowns. Tables are named alone: {@link MetricsQueries#run} reads them from
 * the current projections. Months, and the period's bounds, are England's.
 */
public final class Metrics {

    private static final String MONTH_RECEIVED = "to_char(r.received_at at time zone 'Europe/London', 'YYYY-MM')";
    private static final String SOURCE = "coalesce(r.referrer_type, 'unknown')";
    private static final String PRACTICE = "coalesce(r.practice, 'unknown')";
    private static final String PCN = "coalesce(r.pcn, 'unknown')";
    private static final String CASE_MONTH = "to_char(c.closed_at at time zone 'Europe/London', 'YYYY-MM')";
    private static final String CASE_PCN = "coalesce(c.pcn, r.pcn, 'unknown')";
    private static final String CASE_PRACTICE = "coalesce(c.practice, r.practice, 'unknown')";
    private static final String CLOSE_REASON = "coalesce(c.close_reason, 'unknown')";
    private static final String DAYS = "extract(epoch from %s - r.received_at) / 86400";
    private static final String CONNECTION_STATUSES = "suggested referred attending completed declined dropped-out";

    /** Referrals received, and what triage made of them; a referral with two reasons is in two rows by reason. */
    public static final Metric REFERRALS = Metric.of("referrals",
            "referral r", "r.received_at >= :start and r.received_at < :end",
            List.of(count("received", "Referrals received", "count(*)"),
                    count("accepted", "Accepted at triage", "count(*) filter (where r.triage_outcome = 'accepted')"),
                    count("declined", "Declined at triage", "count(*) filter (where r.triage_outcome = 'declined')"),
                    count("redirected", "Redirected to another service", "count(*) filter (where r.triage_outcome = 'redirected')"),
                    count("withdrawn", "Withdrawn", "count(*) filter (where r.withdrawn_at is not null)")),
            by("month", MONTH_RECEIVED), by("source", SOURCE),
            Breakdown.spreading("reason", "reason.code",
                    "cross join lateral unnest(string_to_array(coalesce(r.reasons, 'unknown'), ',')) reason(code)"),
            by("practice", PRACTICE), by("pcn", PCN));

    /** Referrals declined at triage, by the coded reason. */
    public static final Metric DECLINES = Metric.of("referral-declines",
            "referral r", "r.triage_outcome = 'declined' and r.triaged_at >= :start and r.triaged_at < :end",
            List.of(count("declined", "Referrals declined at triage", "count(*)")),
            by("reason", "coalesce(r.triage_reason, 'unknown')"), by("pcn", PCN), by("practice", PRACTICE), by("month", MONTH_RECEIVED));

    /**
     * Days from referral to triage and to the first attended session. Each referral's first attended session is found in
     * one grouped pass (a lookup per referral was seconds at 100,000); a session dated before its referral is not a first
     * contact (a wait cannot be negative): it is counted apart.
     */
    public static final Metric WAITS = Metric.of("waits", """
            referral r left join (select c.referral_id, min(sf.at) filter (where sf.at >= rr.received_at) as first_contact,
                count(*) filter (where sf.at < rr.received_at) as before_referral
              from referral rr join case_fact c on c.referral_id = rr.referral_id
              join session_fact sf on sf.case_id = c.case_id and sf.attended
              where rr.received_at >= :start and rr.received_at < :end group by c.referral_id) fc on fc.referral_id = r.referral_id""",
            "r.received_at >= :start and r.received_at < :end",
            List.of(count("referrals_triaged", "Referrals triaged", "count(r.triaged_at)"),
                    statistic("median_days_to_triage", "referrals_triaged", "Median days from referral to triage",
                            "percentile_cont(0.5) within group (order by " + DAYS.formatted("r.triaged_at") + ")"),
                    statistic("p90_days_to_triage", "referrals_triaged", "90th percentile of days from referral to triage",
                            "percentile_cont(0.9) within group (order by " + DAYS.formatted("r.triaged_at") + ")"),
                    count("referrals_contacted", "Referrals whose person has had a first session", "count(fc.first_contact)"),
                    statistic("median_days_to_first_contact", "referrals_contacted", "Median days from referral to the first session",
                            "percentile_cont(0.5) within group (order by " + DAYS.formatted("fc.first_contact") + ")"),
                    statistic("p90_days_to_first_contact", "referrals_contacted",
                            "90th percentile of days from referral to the first session",
                            "percentile_cont(0.9) within group (order by " + DAYS.formatted("fc.first_contact") + ")"),
                    count("referrals_with_sessions_before_receipt",
                            "Referrals with an attended session dated before the referral arrived: a recording error, left out of the waits",
                            "count(*) filter (where fc.before_referral > 0)")),
            by("pcn", PCN), by("practice", PRACTICE), by("month", MONTH_RECEIVED), by("source", SOURCE));

    /** Sessions of the cases closed in the period, each closed case's sessions counted in one grouped pass. */
    public static final Metric SESSIONS = Metric.of("sessions", """
            case_fact c left join referral r on r.referral_id = c.referral_id
            left join (select sf.case_id, count(*) filter (where sf.attended) as attended, count(*) filter (where not sf.attended) as missed
              from case_fact cc join session_fact sf on sf.case_id = cc.case_id where cc.closed_at >= :start and cc.closed_at < :end
              group by sf.case_id) ss on ss.case_id = c.case_id""",
            "c.closed_at >= :start and c.closed_at < :end",
            List.of(count("cases_closed", "Cases closed", "count(*)"),
                    statistic("mean_sessions_per_case", "cases_closed", "Mean sessions attended per closed case",
                            "avg(coalesce(ss.attended, 0))"),
                    statistic("median_sessions_per_case", "cases_closed", "Median sessions attended per closed case",
                            "percentile_cont(0.5) within group (order by coalesce(ss.attended, 0))"),
                    statistic("dna_rate_percent", "cases_closed", "Sessions not attended, as a percentage of sessions booked",
                            "100.0 * sum(coalesce(ss.missed, 0)) / nullif(sum(coalesce(ss.attended, 0) + coalesce(ss.missed, 0)), 0)")),
            by("pcn", CASE_PCN), by("practice", CASE_PRACTICE), by("month", CASE_MONTH), by("reason", CLOSE_REASON));

    /** Cases closed in the period. */
    public static final Metric CLOSURES = Metric.of("closures",
            "case_fact c left join referral r on r.referral_id = c.referral_id", "c.closed_at >= :start and c.closed_at < :end",
            List.of(count("cases_closed", "Cases closed", "count(*)")),
            by("reason", CLOSE_REASON), by("pcn", CASE_PCN), by("practice", CASE_PRACTICE), by("month", CASE_MONTH));

    /** Connections made in the period, and where each stands now. */
    public static final Metric CONNECTIONS = Metric.of("connections",
            "connection_fact x", "x.made_at >= :start and x.made_at < :end", connectionFigures(),
            by("category", "coalesce(x.category, 'unknown')"), by("pcn", "coalesce(x.pcn, 'unknown')"),
            by("month", "to_char(x.made_at at time zone 'Europe/London', 'YYYY-MM')"));

    /** Connections declined because there was no space or nothing suitable nearby, by activity and network. */
    public static final Metric UNMET_NEED = Metric.of("unmet-need", "connection_fact x", """
            x.status = 'declined' and x.reason in ('no-space', 'nothing-suitable-nearby')
            and x.updated_at >= :start and x.updated_at < :end""",
            List.of(count("no_space", "Connections declined: no space", "count(*) filter (where x.reason = 'no-space')"),
                    count("nothing_suitable_nearby", "Connections declined: nothing suitable nearby",
                            "count(*) filter (where x.reason = 'nothing-suitable-nearby')")),
            Breakdown.byBoth("category", "coalesce(x.category, 'unknown')", "pcn", "coalesce(x.pcn, 'unknown')"));

    /** Cases waiting for a link worker at the period's end (or now, within it), by network, and how long they have waited. */
    public static final Metric WAITING_LIST = Metric.of("waiting-list", "case_fact c left join referral r on r.referral_id = c.referral_id", """
            c.waitlisted_at < cast(:asOf as timestamptz) and (c.assigned_at is null or c.assigned_at > cast(:asOf as timestamptz))
              and (c.closed_at is null or c.closed_at > cast(:asOf as timestamptz))""",
            List.of(count("cases_waiting", "Cases waiting for a link worker", "count(*)"),
                    statistic("median_days_waiting", "cases_waiting", "Median days waited so far",
                            "percentile_cont(0.5) within group (order by extract(epoch from cast(:asOf as timestamptz) - c.waitlisted_at) / 86400)"),
                    statistic("longest_days_waiting", "cases_waiting", "Longest wait so far, in days",
                            "max(extract(epoch from cast(:asOf as timestamptz) - c.waitlisted_at) / 86400)")),
            by("pcn", CASE_PCN));

    private Metrics() {
    }

    private static List<Figure> connectionFigures() {
        List<Figure> figures = new ArrayList<>(List.of(count("made", "Connections made to community services", "count(*)")));
        for (String status : CONNECTION_STATUSES.split(" ")) {
            String name = status.replace('-', '_');
            figures.add(count(name, "Connections now " + status.replace('-', ' '), "count(*) filter (where x.status = '" + status + "')"));
        }
        return figures;
    }
}
