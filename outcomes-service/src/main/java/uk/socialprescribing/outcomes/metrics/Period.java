package uk.socialprescribing.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.QueryParameters;

/** The days a report covers, inclusive, in England's time: a month, a quarter, or a custom range. */
@Schema(name = "Period")
public record Period(@Schema(example = "2026-07-01") LocalDate from, @Schema(example = "2026-09-30") LocalDate to,
        @Schema(example = "2026-Q3") String label) {

    /**
     * From the query: {@code month=2026-11}, {@code quarter=2026-Q3}, or {@code from}/{@code to}; the last 12 whole
     * months to {@code today} by default. A value that cannot be read is named when {@code query} is checked.
     */
    public static Period of(QueryParameters query, String month, String quarter, String from, String to, LocalDate today) {
        int given = (blank(month) ? 0 : 1) + (blank(quarter) ? 0 : 1) + (blank(from) && blank(to) ? 0 : 1);
        if (given > 1) {
            query.reject(blank(month) ? "quarter" : "month", "OnePeriod", "give one of month, quarter, or from and to");
        }
        if (!blank(month)) {
            try {
                YearMonth m = YearMonth.parse(month.strip());
                return new Period(m.atDay(1), m.atEndOfMonth(), m.toString());
            } catch (DateTimeParseException e) {
                query.reject("month", "Format", "must be a month such as 2026-11");
            }
        } else if (!blank(quarter)) {
            Matcher q = QUARTER.matcher(quarter.strip().toUpperCase(Locale.ROOT));
            if (q.matches()) {
                YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
                return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth(), q.group(1) + "-Q" + q.group(2));
            }
            query.reject("quarter", "Format", "must be a quarter such as 2026-Q3");
        }
        LocalDate end = query.date("to", to).orElse(today);
        LocalDate start = query.date("from", from).orElse(end.minusMonths(11).withDayOfMonth(1));
        if (start.isAfter(end)) {
            query.reject("from", "NotAfterTo", "must not be after to (" + end + ")");
        }
        return new Period(start, end, start + "/" + end);
    }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The first instant of the first day, UK time. */
    public Instant start() {
        return from.atStartOfDay(Clocks.ENGLAND).toInstant();
    }

    /** The first instant after the last day, UK time. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(Clocks.ENGLAND).toInstant();
    }
}
