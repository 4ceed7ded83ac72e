package uk.socialprescribing.outcomes.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.outcomes.domain.SmallNumberSuppression;

/**
 * A metric as commissioners read it: rows of a breakdown (by PCN, month, ...) and the whole area's total, with
 * small-number suppression already applied. Below the whole area, counts of 1 to 7 are suppressed and others rounded
 * to the nearest 5; any mean, median or percentage over fewer than 8 people is suppressed (in the total too); where a
 * single suppressed cell in a column could be worked out from the total, a second cell (the smallest other) is
 * suppressed as well, or, if there is none, the total's. Every suppressed cell is listed with its reason.
 * <p>
 * Below the whole area a figure beside a rounded count must not give that count away: a percentage of people is worked
 * out from the published (rounded) counts, so it reconciles with them and says nothing they do not (84.62% of 13 would
 * say 11 of 13 beside a published 15; 10 of 15 is 66.7%), and is suppressed with either count; every other statistic is
 * given to one decimal place, at which no mean of whole numbers over 8 to 300 people pins down how many there were.
 * The whole area's counts are exact, and so are its figures (two places).
 */
@Schema(name = "MetricTable")
public record MetricTable(@Schema(example = "referrals") String metric, Period period,
        @Schema(description = "What the rows are by", example = "pcn") List<String> breakdown, List<Column> columns, List<Row> rows,
        @Schema(description = "The whole area (counts exact, statistics suppressed over fewer than 8 people); absent where rows do not add up to one")
        Row total, List<SuppressedCell> suppressed, String rule) {

    public static final String RULE = "Below the whole area, counts of 1 to 7 are suppressed and other counts rounded to the nearest 5; "
            + "means, medians, percentiles and percentages over fewer than 8 people are suppressed; where a suppressed cell could be "
            + "worked out from the total, another cell is suppressed too; below the whole area a percentage of people is worked out "
            + "from the published counts (and suppressed with either), and other statistics are given to one decimal place, so that "
            + "no figure gives away a suppressed or rounded count";

    public enum Kind {
        /** A number of things or people. */
        COUNT,
        /** A mean, median, percentile or percentage over the people its basis column counts. */
        STATISTIC,
        /** The share of the people its basis column counts that its numerator column counts, in percent. */
        PERCENT
    }

    @Schema(name = "MetricColumn")
    public record Column(String name, Kind kind, @Schema(description = "For a statistic or percentage: the column counting the people it is over") String basis,
            @Schema(description = "For a percentage: the column counting the people it is the share of") String numerator,
            String description) {

        public static Column count(String name, String description) {
            return new Column(name, Kind.COUNT, null, null, description);
        }

        public static Column statistic(String name, String basis, String description) {
            return new Column(name, Kind.STATISTIC, basis, null, description);
        }

        /** A percentage: numerator over basis, both count columns of the same table. */
        public static Column percent(String name, String numerator, String basis, String description) {
            return new Column(name, Kind.PERCENT, basis, numerator, description);
        }
    }

    @Schema(name = "MetricRow")
    public record Row(Map<String, String> key, @Schema(description = "By column; null where suppressed or where there is nothing to measure")
            Map<String, Number> values) {
    }

    @Schema(name = "SuppressedCell")
    public record SuppressedCell(@Schema(example = "pcn=U84005") String row, String column,
            @Schema(enumeration = { "count-1-to-7", "fewer-than-8-people", "secondary", "with-its-count" }) String reason) {
    }

    /** Builds a table from raw figures and suppresses on {@link #build()}. */
    public static final class Builder {
        private final String metric;
        private final Period period;
        private final List<String> keys;
        private final List<Column> columns;
        private final boolean additive;
        private final List<Map<String, String>> rowKeys = new ArrayList<>();
        private final List<Map<String, Number>> rowValues = new ArrayList<>();
        private Map<String, Number> total;

        /** {@code additive}: each thing counted is in exactly one row, so the rows add up to the total. */
        public Builder(String metric, Period period, List<String> keys, List<Column> columns, boolean additive) {
            this.metric = metric;
            this.period = period;
            this.keys = keys;
            this.columns = columns;
            this.additive = additive;
        }

        public Builder row(Map<String, String> key, Map<String, Number> values) {
            rowKeys.add(key);
            rowValues.add(values);
            return this;
        }

        public Builder total(Map<String, Number> values) {
            this.total = values;
            return this;
        }

        public MetricTable build() {
            List<SuppressedCell> suppressed = new ArrayList<>();
            List<Map<String, Number>> published = new ArrayList<>();
            for (int i = 0; i < rowKeys.size(); i++) {
                published.add(publish(label(rowKeys.get(i)), rowValues.get(i), false, suppressed));
            }
            Map<String, Number> publishedTotal = total == null ? null : publish("total", total, true, suppressed);
            if (additive && publishedTotal != null) {
                for (Column column : columns) {
                    if (column.kind() == Kind.COUNT) {
                        secondary(column.name(), published, publishedTotal, suppressed);
                    }
                }
            }
            // percentages last: from the counts as published, after every suppression
            for (int i = 0; i < rowKeys.size(); i++) {
                percentages(label(rowKeys.get(i)), rowValues.get(i), published.get(i), false, suppressed);
            }
            if (publishedTotal != null) {
                percentages("total", total, publishedTotal, true, suppressed);
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < rowKeys.size(); i++) {
                rows.add(new Row(rowKeys.get(i), published.get(i)));
            }
            Map<String, String> totalKey = new LinkedHashMap<>();
            keys.forEach(k -> totalKey.put(k, "all"));
            return new MetricTable(metric, period, keys, columns, rows, publishedTotal == null ? null : new Row(totalKey, publishedTotal),
                    suppressed, RULE);
        }

        private Map<String, Number> publish(String row, Map<String, Number> raw, boolean wholeArea, List<SuppressedCell> suppressed) {
            Map<String, Number> out = new LinkedHashMap<>();
            for (Column column : columns) {
                Number value = raw.get(column.name());
                if (column.kind() == Kind.COUNT) {
                    long count = value == null ? 0 : value.longValue();
                    if (wholeArea) {
                        out.put(column.name(), count);
                        continue;
                    }
                    OptionalLong shown = SmallNumberSuppression.publishable(count);
                    if (shown.isEmpty()) {
                        suppressed.add(new SuppressedCell(row, column.name(), "count-1-to-7"));
                    }
                    out.put(column.name(), shown.isPresent() ? shown.getAsLong() : null);
                } else if (column.kind() == Kind.STATISTIC) {
                    Number basis = raw.get(column.basis());
                    long people = basis == null ? 0 : basis.longValue();
                    if (value != null && people > 0 && people < 8) {
                        suppressed.add(new SuppressedCell(row, column.name(), "fewer-than-8-people"));
                        value = null;
                    }
                    out.put(column.name(), value == null ? null : wholeArea ? Statistics.round(value.doubleValue()) : oneDecimalPlace(value.doubleValue()));
                } else {
                    out.put(column.name(), null); // a percentage: once the counts are final
                }
            }
            return out;
        }

        /**
         * Each percentage from its numerator and basis: the whole area's exact counts, or below it the counts as
         * published, so that it gives away nothing they do not; suppressed where either is, or over fewer than 8 people.
         */
        private void percentages(String row, Map<String, Number> raw, Map<String, Number> out, boolean wholeArea,
                List<SuppressedCell> suppressed) {
            for (Column column : columns) {
                if (column.kind() != Kind.PERCENT) {
                    continue;
                }
                long people = raw.get(column.basis()) == null ? 0 : raw.get(column.basis()).longValue();
                if (people == 0) {
                    out.put(column.name(), null); // nothing to measure
                    continue;
                }
                if (people < 8) {
                    suppressed.add(new SuppressedCell(row, column.name(), "fewer-than-8-people"));
                    out.put(column.name(), null);
                    continue;
                }
                Number numerator = out.get(column.numerator());
                Number basis = out.get(column.basis());
                if (numerator == null || basis == null || basis.longValue() == 0) {
                    suppressed.add(new SuppressedCell(row, column.name(), "with-its-count"));
                    out.put(column.name(), null);
                    continue;
                }
                double percent = 100.0 * numerator.longValue() / basis.longValue();
                out.put(column.name(), wholeArea ? Statistics.round(percent) : oneDecimalPlace(percent));
            }
        }

        static Double oneDecimalPlace(double value) {
            return Math.round(value * 10) / 10.0;
        }

        /** One primary suppression alone in a column could be worked out from the total: suppress the next smallest, or the total. */
        private void secondary(String column, List<Map<String, Number>> published, Map<String, Number> publishedTotal,
                List<SuppressedCell> suppressed) {
            List<Integer> primary = new ArrayList<>();
            for (int i = 0; i < published.size(); i++) {
                long raw = rawCount(i, column);
                if (published.get(i).get(column) == null && raw > 0) {
                    primary.add(i);
                }
            }
            if (primary.size() != 1) {
                return;
            }
            int smallest = -1;
            for (int i = 0; i < published.size(); i++) {
                if (i != primary.get(0) && published.get(i).get(column) != null && rawCount(i, column) > 0
                        && (smallest < 0 || rawCount(i, column) < rawCount(smallest, column))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                published.get(smallest).put(column, null);
                suppressed.add(new SuppressedCell(label(rowKeys.get(smallest)), column, "secondary"));
            } else {
                publishedTotal.put(column, null);
                suppressed.add(new SuppressedCell("total", column, "secondary"));
            }
        }

        private long rawCount(int row, String column) {
            Number value = rowValues.get(row).get(column);
            return value == null ? 0 : value.longValue();
        }

        private static String label(Map<String, String> key) {
            StringBuilder label = new StringBuilder();
            key.forEach((k, v) -> label.append(label.length() == 0 ? "" : ",").append(k).append('=').append(v));
            return label.toString();
        }
    }
}
