package uk.socialprescribing.outcomes.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.outcomes.metrics.MetricTable;
import uk.socialprescribing.outcomes.metrics.MetricsQueries;
import uk.socialprescribing.outcomes.metrics.Period;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.problem.QueryParameters;

/**
 * Commissioners' metrics: aggregates only, small numbers suppressed in the service, in JSON or (Accept: text/csv) CSV.
 * Each takes one period: {@code month}, {@code quarter}, or {@code from} and {@code to}; the last 12 months by default.
 */
@Path("/api/outcomes/metrics")
@Tag(name = "Metrics")
@SecurityRequirement(name = "SecurityScheme")
@Produces({ MediaType.APPLICATION_JSON, "text/csv" })
@RolesAllowed({ "commissioner", "admin" })
@APIResponse(responseCode = "200", description = "The metric, suppressed",
        content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricTable.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) })
@APIResponse(responseCode = "400", description = "A parameter is not valid; it is named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only commissioners and admin read metrics",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MetricsResource {

    private final MetricsQueries queries;

    public MetricsResource(MetricsQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "Referrals received, accepted, declined, redirected and withdrawn",
            description = "By month (of receipt), source (kind of referrer), reason (a referral with two reasons is in both rows), practice or PCN.")
    public MetricTable referrals(@QueryParam("by") @Parameter(description = "month (default), source, reason, practice or pcn") String by,
            @QueryParam("month") @Parameter(example = "2026-11") String month, @QueryParam("quarter") @Parameter(example = "2026-Q3") String quarter,
            @QueryParam("from") @Parameter(example = "2026-01-01") String from, @QueryParam("to") @Parameter(example = "2026-12-31") String to) {
        return queries.referrals(Period.of(month, quarter, from, to), by(by, "month", "month", "source", "reason", "practice", "pcn"));
    }

    @GET
    @Path("/referrals/declines")
    @Operation(summary = "Referrals declined at triage, by the coded reason (or by PCN, practice, month)",
            description = "Over referrals declined in the period, with small numbers suppressed below the whole area.")
    public MetricTable declines(@QueryParam("by") @Parameter(description = "reason (default), pcn, practice or month") String by,
            @QueryParam("month") String month, @QueryParam("quarter") String quarter, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.declines(Period.of(month, quarter, from, to), by(by, "reason", "reason", "pcn", "practice", "month"));
    }

    @GET
    @Path("/waits")
    @Operation(summary = "Waits from referral to triage and to the first session: median and 90th percentile, in days",
            description = "Over referrals received in the period, by PCN (default), practice or month of receipt. Percentiles interpolate (PostgreSQL percentile_cont).")
    public MetricTable waits(@QueryParam("by") @Parameter(description = "pcn (default), practice, month or source") String by,
            @QueryParam("month") String month, @QueryParam("quarter") String quarter, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.waits(Period.of(month, quarter, from, to), by(by, "pcn", "pcn", "practice", "month", "source"));
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "Sessions per closed case (mean, median) and the rate of sessions not attended",
            description = "Over cases closed in the period, by PCN (default), practice, month of closure or closing reason.")
    public MetricTable sessions(@QueryParam("by") @Parameter(description = "pcn (default), practice, month or reason") String by,
            @QueryParam("month") String month, @QueryParam("quarter") String quarter, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.sessions(Period.of(month, quarter, from, to), by(by, "pcn", "pcn", "practice", "month", "reason"));
    }

    @GET
    @Path("/closures")
    @Operation(summary = "Cases closed, by reason (default), PCN, practice or month",
            description = "Over cases closed in the period, with small numbers suppressed below the whole area.")
    public MetricTable closures(@QueryParam("by") @Parameter(description = "reason (default), pcn, practice or month") String by,
            @QueryParam("month") String month, @QueryParam("quarter") String quarter, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.closures(Period.of(month, quarter, from, to), by(by, "reason", "reason", "pcn", "practice", "month"));
    }

    @GET
    @Path("/connections")
    @Operation(summary = "Connections to community activities made in the period, and where each stands now",
            description = "By activity category (default), PCN or month.")
    public MetricTable connections(@QueryParam("by") @Parameter(description = "category (default), pcn or month") String by,
            @QueryParam("month") String month, @QueryParam("quarter") String quarter, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.connections(Period.of(month, quarter, from, to), by(by, "category", "category", "pcn", "month"));
    }

    @GET
    @Path("/outcome-measures")
    @Operation(summary = "Change in each outcome measure from baseline, with its 95% confidence interval and the share improved",
            description = "Per scale (SWEMWBS metric score, WEMWBS, UCLA3, each ONS4 item): people with a baseline and a later measure "
                    + "in the period, the mean change to their latest, its 95% confidence interval (Student's t), and the percentage whose "
                    + "change met the scale's meaningful improvement (SWEMWBS and WEMWBS at least 3 points up, UCLA3 at least 1 down, "
                    + "ONS4 a better ONS band). Optionally for one PCN.")
    public MetricTable measures(@QueryParam("pcn") @Parameter(example = "U84002") String pcn, @QueryParam("month") String month,
            @QueryParam("quarter") String quarter, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (pcn != null && !pcn.strip().matches("[A-Z0-9]{3,10}")) {
            throw new ProblemException(Problem.invalidField("pcn", "PcnCode", "must be a PCN's ODS code such as U84002"));
        }
        return queries.measures(Period.of(month, quarter, from, to), pcn == null ? null : pcn.strip());
    }

    @GET
    @Path("/unmet-need")
    @Operation(summary = "Unmet need: connections declined for no space or nothing suitable nearby, by activity and PCN",
            description = "Where new community capacity would be used: declines in the period by activity category and network. "
                    + "The waiting list for link workers is at /unmet-need/waiting-list.")
    public MetricTable unmetNeed(@QueryParam("month") String month, @QueryParam("quarter") String quarter, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return queries.unmetNeed(Period.of(month, quarter, from, to));
    }

    @GET
    @Path("/unmet-need/waiting-list")
    @Operation(summary = "Unmet need: cases waiting for a link worker at the period's end, by PCN, and how long they have waited",
            description = "As of the period's end (or now, if sooner): cases on a network's waiting list, the median and longest wait so far in days; statistics over fewer than 8 people are suppressed.")
    public MetricTable waitingList(@QueryParam("month") String month, @QueryParam("quarter") String quarter, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return queries.waiting(Period.of(month, quarter, from, to));
    }

    private static String by(String given, String fallback, String... allowed) {
        List<String> options = List.of(allowed);
        return QueryParameters.oneOf("by", given, g -> options.contains(g) ? g : null, options).orElse(fallback);
    }
}
