package uk.socialprescribing.outcomes.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.socialprescribing.outcomes.metrics.MetricTable.Column;

/**
 * A commissioners' metric as a definition: the rows it counts (tables of the current projections, and a condition with
 * the parameters {@code :start} and {@code :end} of the period, or {@code :asOf} for a figure at the period's end), each
 * figure declared once with its SQL, and the breakdowns it offers. {@link MetricsQueries#run} runs any of them the same
 * way.
 *
 * @param name the metric's name in the table
 * @param rows the tables and their joins (r: referral, c: case_fact, x: connection_fact)
 * @param where the condition on them
 * @param figures the table's columns, each with the aggregate that computes it
 * @param breakdowns in the order the API lists them; the first is the default
 */
public record Metric(String name, String rows, String where, List<Figure> figures, List<Breakdown> breakdowns) {

    /** A column of the table with the SQL aggregate that computes it. */
    public record Figure(Column column, String sql) {

        public static Figure count(String name, String description, String sql) {
            return new Figure(Column.count(name, description), sql);
        }

        public static Figure statistic(String name, String basis, String description, String sql) {
            return new Figure(Column.statistic(name, basis, description), sql);
        }
    }

    /**
     * How rows are keyed, under the name the API takes ({@code by}): each key's SQL by its name, a join the keys need,
     * and whether each row falls in one group (then the groups add up to the total, and total and groups come from one
     * pass).
     */
    public record Breakdown(String name, Map<String, String> keys, String join, boolean partitions) {

        public static Breakdown by(String name, String sql) {
            return new Breakdown(name, Map.of(name, sql), "", true);
        }

        /** A key a row can have several of (a referral's reasons), through the join that spreads a row over them. */
        public static Breakdown spreading(String name, String sql, String join) {
            return new Breakdown(name, Map.of(name, sql), " " + join, false);
        }

        /** Two keys at once, in this order, named by both. */
        public static Breakdown byBoth(String first, String firstSql, String second, String secondSql) {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put(first, firstSql);
            keys.put(second, secondSql);
            return new Breakdown(first + "-and-" + second, keys, "", true);
        }
    }

    public Metric {
        figures = List.copyOf(figures);
        breakdowns = List.copyOf(breakdowns);
    }

    public static Metric of(String name, String rows, String where, List<Figure> figures, Breakdown... breakdowns) {
        return new Metric(name, rows, where, figures, List.of(breakdowns));
    }

    /** The breakdown of this name, if the metric offers it. */
    public Optional<Breakdown> breakdown(String name) {
        return breakdowns.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public List<Column> columns() {
        return figures.stream().map(Figure::column).toList();
    }

    /** The figures as a select list, each named by its column. */
    String select() {
        return String.join(", ", figures.stream().map(f -> f.sql() + " as " + f.column().name()).toList());
    }

    /** The breakdowns' names, the default first. */
    public List<String> breakdownNames() {
        return breakdowns.stream().map(Breakdown::name).toList();
    }
}
