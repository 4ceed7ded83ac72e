package uk.socialprescribing.outcomes.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.problem.QueryParameters;

/** The days a report covers, inclusive, in UK time: a month, a quarter, or a custom range. */
@Schema(name = "Period")
public record Period(@Schema(example = "2026-07-01") LocalDate from, @Schema(example = "2026-09-30") LocalDate to,
        @Schema(example = "2026-Q3") String label) {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    /** From the query: {@code month=2026-11}, {@code quarter=2026-Q3}, or {@code from}/{@code to}; the last 12 whole months by default. */
    public static Period of(String month, String quarter, String from, String to) {
        int given = (blank(month) ? 0 : 1) + (blank(quarter) ? 0 : 1) + (blank(from) && blank(to) ? 0 : 1);
        if (given > 1) {
            throw new ProblemException(Problem.invalidField(blank(month) ? "quarter" : "month", "OnePeriod",
                    "give one of month, quarter, or from and to"));
        }
        if (!blank(month)) {
            try {
                YearMonth m = YearMonth.parse(month.strip());
                return new Period(m.atDay(1), m.atEndOfMonth(), m.toString());
            } catch (DateTimeParseException e) {
                throw new ProblemException(Problem.invalidField("month", "Format", "must be a month such as 2026-11"));
            }
        }
        if (!blank(quarter)) {
            java.util.regex.Matcher q = java.util.regex.Pattern.compile("(\\d{4})-Q([1-4])").matcher(quarter.strip().toUpperCase());
            if (!q.matches()) {
                throw new ProblemException(Problem.invalidField("quarter", "Format", "must be a quarter such as 2026-Q3"));
            }
            YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
            return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth(), q.group(1) + "-Q" + q.group(2));
        }
        LocalDate today = LocalDate.now(UK);
        LocalDate end = QueryParameters.date("to", to).orElse(today);
        LocalDate start = QueryParameters.date("from", from).orElse(end.minusMonths(11).withDayOfMonth(1));
        if (start.isAfter(end)) {
            throw new ProblemException(Problem.invalidField("from", "NotAfterTo", "must not be after to (" + end + ")"));
        }
        return new Period(start, end, start + "/" + end);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The first instant of the first day, UK time. */
    public java.time.Instant start() {
        return from.atStartOfDay(UK).toInstant();
    }

    /** The first instant after the last day, UK time. */
    public java.time.Instant end() {
        return to.plusDays(1).atStartOfDay(UK).toInstant();
    }
}
