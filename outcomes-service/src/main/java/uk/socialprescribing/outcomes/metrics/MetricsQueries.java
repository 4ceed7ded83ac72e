package uk.socialprescribing.outcomes.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import uk.socialprescribing.outcomes.metrics.Metric.Breakdown;
import uk.socialprescribing.outcomes.metrics.MetricTable.Column;
import uk.socialprescribing.outcomes.projection.Projections;

/**
 * The commissioners' metrics, computed from the current projections (and the recorded measures), grouped in the
 * database: a {@link Metric} of {@link Metrics} by one runner, {@link #run}, in one query (the groups and the total in
 * one pass), or two where a row can fall in several groups; the outcome measures by {@link #measures}, whose statistics
 * are worked out here. Every table goes out through {@link MetricTable.Builder}, which suppresses small numbers.
 */
@ApplicationScoped
@Transactional
public class MetricsQueries {

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

    /** The metric over the period, by its default breakdown. */
    public MetricTable run(Metric metric, Period period) {
        return run(metric, period, metric.breakdownNames().get(0));
    }

    /** The metric over the period, broken down as named (one of the metric's breakdowns). */
    public MetricTable run(Metric metric, Period period, String by) {
        Breakdown breakdown = metric.breakdown(by).orElseThrow(() -> new IllegalArgumentException(metric.name() + " has no breakdown " + by));
        projections.readCurrent();
        List<String> names = List.copyOf(breakdown.keys().keySet());
        List<String> keys = List.copyOf(breakdown.keys().values());
        List<Column> columns = metric.columns();
        MetricTable.Builder table = new MetricTable.Builder(metric.name(), period, names, columns, breakdown.partitions());
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < keys.size(); i++) {
            select.append(keys.get(i)).append(" as k").append(i).append(", ");
        }
        String rows = " from " + metric.rows() + breakdown.join() + " where " + metric.where();
        String groups = String.join(", ", keys);
        String order = String.join(", ", IntStream.rangeClosed(1, keys.size()).mapToObj(Integer::toString).toList());
        String sql = breakdown.partitions()
                // where each row falls in one group, the total counts the same rows: grouping sets give both in one pass
                ? select + "grouping(" + keys.get(0) + ") as is_total, " + metric.select() + rows + " group by grouping sets (("
                        + groups + "), ()) order by is_total, " + order
                // a row in several groups (a referral with two reasons) is counted once in the total, from the rows unspread
                : select + "0 as is_total, " + metric.select() + rows + " group by " + groups + " order by " + order;
        for (Object o : query(sql, period).getResultList()) {
            Tuple t = (Tuple) o;
            if (((Number) t.get("is_total")).intValue() == 1) {
                table.total(values(t, columns));
            } else {
                Map<String, String> key = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    key.put(names.get(i), (String) t.get("k" + i));
                }
                table.row(key, values(t, columns));
            }
        }
        if (!breakdown.partitions()) {
            table.total(values((Tuple) query("select " + metric.select() + " from " + metric.rows() + " where " + metric.where(), period)
                    .getSingleResult(), columns));
        }
        return table.build();
    }

    /**
     * For each scale: the change from a case's first baseline to its latest follow-up or exit completed in the period, its
     * mean with a 95% confidence interval, and the share of people whose change was a meaningful improvement.
     */
    public MetricTable measures(Period period, String pcn) {
        projections.readCurrent();
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
                left join case_fact c on c.case_id = f.case_id left join referral r on r.referral_id = c.referral_id
                """ + (pcn == null ? "" : " where coalesce(c.pcn, r.pcn) = :pcn");
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

    /** The period's bounds, and the instant a figure "at the period's end" is taken (now, while the period lasts). */
    private Query query(String sql, Period period) {
        Query query = entityManager.createNativeQuery(sql, Tuple.class);
        if (sql.contains(":start")) {
            query.setParameter("start", period.start());
        }
        if (sql.contains(":end")) {
            query.setParameter("end", period.end());
        }
        if (sql.contains(":asOf")) {
            Instant now = clock.instant();
            query.setParameter("asOf", now.isBefore(period.end()) ? now : period.end());
        }
        return query;
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
