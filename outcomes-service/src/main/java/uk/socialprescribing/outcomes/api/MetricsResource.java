package uk.socialprescribing.outcomes.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.outcomes.metrics.Metric;
import uk.socialprescribing.outcomes.metrics.MetricTable;
import uk.socialprescribing.outcomes.metrics.Metrics;
import uk.socialprescribing.outcomes.metrics.MetricsQueries;
import uk.socialprescribing.outcomes.metrics.Period;

/**
 * Commissioners' metrics: aggregates only, small numbers suppressed in the service, in JSON or (Accept: text/csv) CSV.
 * Each takes one period: {@code month}, {@code quarter}, or {@code from} and {@code to}; the last 12 months by default.
 */
@Path("/api/outcomes/metrics")
@Tag(name = "Metrics")
@SecurityRequirement(name = "SecurityScheme")
@Produces({ MediaType.APPLICATION_JSON, "text/csv" })
@RolesAllowed({ Roles.COMMISSIONER, Roles.ADMIN })
@APIResponse(responseCode = "200", description = "The metric, suppressed",
        content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricTable.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)) })
@APIResponse(responseCode = "400", description = "A parameter is not valid; it is named")
@APIResponse(responseCode = "403", description = "Only commissioners and admin read metrics")
public class MetricsResource {

    private final MetricsQueries queries;
    private final Clock clock;

    public MetricsResource(MetricsQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "Referrals received, accepted, declined, redirected and withdrawn",
            description = "By month (of receipt), source (kind of referrer), reason (a referral with two reasons is in both rows), practice or PCN.")
    public MetricTable referrals(@QueryParam("by") @Parameter(description = "month (default), source, reason, practice or pcn") String by,
            @BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        String breakdown = by(query, by, Metrics.REFERRALS);
        query.check();
        return queries.run(Metrics.REFERRALS, within, breakdown);
    }

    @GET
    @Path("/referrals/declines")
    @Operation(summary = "Referrals declined at triage, by the coded reason (or by PCN, practice, month)",
            description = "Over referrals declined in the period, with small numbers suppressed below the whole area.")
    public MetricTable declines(@QueryParam("by") @Parameter(description = "reason (default), pcn, practice or month") String by,
            @BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        String breakdown = by(query, by, Metrics.DECLINES);
        query.check();
        return queries.run(Metrics.DECLINES, within, breakdown);
    }

    @GET
    @Path("/waits")
    @Operation(summary = "Waits from referral to triage and to the first session: median and 90th percentile, in days",
            description = "Over referrals received in the period, by PCN (default), practice or month of receipt. Percentiles interpolate (PostgreSQL percentile_cont).")
    public MetricTable waits(@QueryParam("by") @Parameter(description = "pcn (default), practice, month or source") String by,
            @BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        String breakdown = by(query, by, Metrics.WAITS);
        query.check();
        return queries.run(Metrics.WAITS, within, breakdown);
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "Sessions per closed case (mean, median) and the rate of sessions not attended",
            description = "Over cases closed in the period, by PCN (default), practice, month of closure or closing reason.")
    public MetricTable sessions(@QueryParam("by") @Parameter(description = "pcn (default), practice, month or reason") String by,
            @BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        String breakdown = by(query, by, Metrics.SESSIONS);
        query.check();
        return queries.run(Metrics.SESSIONS, within, breakdown);
    }

    @GET
    @Path("/closures")
    @Operation(summary = "Cases closed, by reason (default), PCN, practice or month",
            description = "Over cases closed in the period, with small numbers suppressed below the whole area.")
    public MetricTable closures(@QueryParam("by") @Parameter(description = "reason (default), pcn, practice or month") String by,
            @BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        String breakdown = by(query, by, Metrics.CLOSURES);
        query.check();
        return queries.run(Metrics.CLOSURES, within, breakdown);
    }

    @GET
    @Path("/connections")
    @Operation(summary = "Connections to community activities made in the period, and where each stands now",
            description = "By activity category (default), PCN or month.")
    public MetricTable connections(@QueryParam("by") @Parameter(description = "category (default), pcn or month") String by,
            @BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        String breakdown = by(query, by, Metrics.CONNECTIONS);
        query.check();
        return queries.run(Metrics.CONNECTIONS, within, breakdown);
    }

    @GET
    @Path("/outcome-measures")
    @Operation(summary = "Change in each outcome measure from baseline, with its 95% confidence interval and the share improved",
            description = "Per scale (SWEMWBS metric score, WEMWBS, UCLA3, each ONS4 item): people with a baseline and a later measure "
                    + "in the period, the mean change to their latest, its 95% confidence interval (Student's t), and the percentage whose "
                    + "change met the scale's meaningful improvement (SWEMWBS and WEMWBS at least 3 points up, UCLA3 at least 1 down, "
                    + "ONS4 a better ONS band). Optionally for one PCN.")
    public MetricTable measures(@QueryParam("pcn") @Parameter(example = "U84002") String pcn, @BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        String network = query.matching("pcn", pcn, "[A-Z0-9]{3,10}", "must be a PCN's ODS code such as U84002").orElse(null);
        Period within = period.read(query, today());
        query.check();
        return queries.measures(within, network);
    }

    @GET
    @Path("/unmet-need")
    @Operation(summary = "Unmet need: connections declined for no space or nothing suitable nearby, by activity and PCN",
            description = "Where new community capacity would be used: declines in the period by activity category and network. "
                    + "The waiting list for link workers is at /unmet-need/waiting-list.")
    public MetricTable unmetNeed(@BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        query.check();
        return queries.run(Metrics.UNMET_NEED, within);
    }

    @GET
    @Path("/unmet-need/waiting-list")
    @Operation(summary = "Unmet need: cases waiting for a link worker at the period's end, by PCN, and how long they have waited",
            description = "As of the period's end (or now, if sooner): cases on a network's waiting list, the median and longest wait so far in days; statistics over fewer than 8 people are suppressed.")
    public MetricTable waitingList(@BeanParam PeriodParameters period) {
        QueryParameters query = QueryParameters.read();
        Period within = period.read(query, today());
        query.check();
        return queries.run(Metrics.WAITING_LIST, within);
    }

    /** The breakdown asked for, one of the metric's (its first unless one is named). */
    private static String by(QueryParameters query, String given, Metric metric) {
        List<String> options = metric.breakdownNames();
        return query.oneOf("by", given, g -> options.contains(g) ? g : null, options).orElse(options.get(0));
    }

    private LocalDate today() {
        return Clocks.today(clock);
    }
}
