package uk.socialprescribing.outcomes.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

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

import uk.socialprescribing.outcomes.domain.SmallNumberSuppression;
import uk.socialprescribing.outcomes.repository.ReferralActivity;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.problem.QueryParameters;

@Path("/api/outcomes/metrics")
@Tag(name = "Metrics")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "commissioner", "link-worker-lead", "admin" })
public class MetricsResource {

    private final ReferralActivity activity;

    public MetricsResource(ReferralActivity activity) {
        this.activity = activity;
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "Referrals received and accepted per month",
            description = "Aggregates only, with NHS small-number suppression. Defaults to the last 12 months.")
    @APIResponse(responseCode = "200", description = "The months with activity, oldest first",
            content = @Content(schema = @Schema(implementation = ReferralMetrics.class)))
    @APIResponse(responseCode = "400", description = "A date is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralMetrics referrals(
            @QueryParam("from") @Parameter(description = "First day (yyyy-mm-dd); default 11 months before to", example = "2026-01-01") String from,
            @QueryParam("to") @Parameter(description = "Last day (yyyy-mm-dd); default today", example = "2026-11-30") String to) {
        LocalDate end = QueryParameters.date("to", to).orElseGet(() -> LocalDate.now(ZoneId.of("Europe/London")));
        LocalDate start = QueryParameters.date("from", from).orElseGet(() -> end.minusMonths(11).withDayOfMonth(1));
        if (start.isAfter(end)) {
            throw new ProblemException(Problem.invalidField("from", "NotAfterTo", "must not be after to (" + end + ")"));
        }
        List<ReferralMetrics.MonthRow> rows = new ArrayList<>();
        for (ReferralActivity.Month month : activity.between(start, end)) {
            List<String> suppressed = new ArrayList<>();
            Long received = publish(month.received(), "referralsReceived", suppressed);
            Long accepted = publish(month.accepted(), "referralsAccepted", suppressed);
            rows.add(new ReferralMetrics.MonthRow(YearMonth.from(month.month()).toString(), received, accepted, suppressed));
        }
        return new ReferralMetrics(SmallNumberSuppression.RULE, rows);
    }

    private static Long publish(long count, String field, List<String> suppressed) {
        OptionalLong value = SmallNumberSuppression.publishable(count);
        if (value.isEmpty()) {
            suppressed.add(field);
            return null;
        }
        return value.getAsLong();
    }
}
