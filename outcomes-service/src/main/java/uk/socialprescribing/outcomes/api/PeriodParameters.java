package uk.socialprescribing.outcomes.api;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.outcomes.metrics.Period;

/** The period of every metric, declared once: {@code month}, {@code quarter}, or {@code from} and {@code to}. */
public class PeriodParameters {

    @QueryParam("month")
    @Parameter(description = "A calendar month", example = "2026-11")
    public String month;

    @QueryParam("quarter")
    @Parameter(description = "A calendar quarter", example = "2026-Q3")
    public String quarter;

    @QueryParam("from")
    @Parameter(description = "The first day; with to, or alone (to today)", example = "2026-01-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "The last day; the last 12 whole months to it when from is left out", example = "2026-12-31")
    public String to;

    /** The period asked for; a value that cannot be read is named when {@code query} is checked. */
    public Period read(QueryParameters query, LocalDate today) {
        return Period.of(query, month, quarter, from, to, today);
    }
}
