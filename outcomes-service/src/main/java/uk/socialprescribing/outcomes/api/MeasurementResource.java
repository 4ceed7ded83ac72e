package uk.socialprescribing.outcomes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.idempotency.Idempotency;
import uk.socialprescribing.outcomes.measure.Instrument;
import uk.socialprescribing.outcomes.measure.Measurements;

@Path("/api/outcomes")
@Tag(name = "Outcome measures")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class MeasurementResource {

    @Schema(name = "MeasurementRequest", description = "One completed questionnaire: item ids and scores only, never the items' wording")
    @Answer
    public record Recording(@NotNull @Schema(required = true, description = "The case (pseudonymous id)") UUID caseId,
            @NotNull @Pattern(regexp = "ONS4|SWEMWBS|UCLA3|WEMWBS", message = "must be ONS4, SWEMWBS, UCLA3 or WEMWBS")
            @Schema(required = true, enumeration = { "ONS4", "SWEMWBS", "UCLA3", "WEMWBS" }) String instrument,
            @NotNull @Pattern(regexp = "baseline|follow-up|exit", message = "must be baseline, follow-up or exit")
            @Schema(required = true, enumeration = { "baseline", "follow-up", "exit" }) String timepoint,
            @NotNull @Size(max = 14) @Schema(required = true, description = "Each item's score by item id: ONS4 life_satisfaction, worthwhile, "
                    + "happiness, anxiety (0-10); SWEMWBS swemwbs_1..7 (1-5); UCLA3 ucla_1..3 (1-3); WEMWBS wemwbs_1..14 (1-5)")
            Map<String, @NotNull Integer> answers,
            @Schema(description = "The day the person completed it (UK time): today if left out; not in the future, nor before the "
                    + "referral", example = "2026-11-27") LocalDate completedOn) {
    }

    @Schema(name = "CaseMeasurements")
    public record CaseMeasures(UUID caseId, List<Measurements.Measurement> measurements,
            @Schema(description = "Each scale's change from the first baseline to the latest follow-up or exit") List<Measurements.Change> changes,
            @Schema(description = "Each scale with a baseline: the value a later measure must reach to count as a meaningful improvement "
                    + "(what a chart draws as its line)") List<Measurements.Target> targets) {
    }

    private final Measurements measurements;
    private final Caller caller;
    private final Idempotency idempotency;

    public MeasurementResource(Measurements measurements, Caller caller, Idempotency idempotency) {
        this.measurements = measurements;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/measurements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Record a completed outcome questionnaire for one of your cases",
            description = "For the case's link worker, or a lead of its network (who may carry cases too); completedOn dates one filled in "
                    + "earlier (on paper, say). Scored at once (SWEMWBS by the published raw-to-metric table; ONS4 items into ONS bands). Every item is needed, "
                    + "in its range; a missing, out-of-range or unknown item is a 400 naming it. Emits outcome.recorded (scores only).")
    @RequestBody(content = @Content(schema = @Schema(implementation = Recording.class), examples = @ExampleObject(name = "SWEMWBS at baseline",
            value = """
                    {"caseId": "6f1d2c3b-4a59-4d68-8e7f-9a0b1c2d3e04", "instrument": "SWEMWBS", "timepoint": "baseline",
                     "answers": {"swemwbs_1": 3, "swemwbs_2": 2, "swemwbs_3": 3, "swemwbs_4": 2, "swemwbs_5": 3, "swemwbs_6": 3, "swemwbs_7": 2}}""")))
    @APIResponse(responseCode = "201", description = "Recorded and scored",
            content = @Content(schema = @Schema(implementation = Measurements.Measurement.class)))
    @APIResponse(responseCode = "400", description = "An answer is missing, out of range or unknown; it is named")
    @APIResponse(responseCode = "404", description = "No such case of yours is known here (another's is not confirmed to exist)")
    public Response record(@NotNull(message = "a questionnaire is required") @Valid Recording body, UriInfo uri,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.name(), key, body, () -> {
            Measurements.Measurement recorded = measurements.record(body.caseId(), Instrument.valueOf(body.instrument()), body.timepoint(),
                    body.answers(), body.completedOn(), caller.asker());
            return Response.created(uri.getBaseUriBuilder().path("api/outcomes/cases").path(body.caseId().toString()).path("measurements").build())
                    .entity(recorded).build();
        });
    }

    @GET
    @Path("/cases/{caseId}/measurements")
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "A case's outcome measures and each scale's change since baseline",
            description = "For the case's link worker and a lead of its network.")
    @APIResponse(responseCode = "200", description = "The measures, oldest first, and the changes",
            content = @Content(schema = @Schema(implementation = CaseMeasures.class)))
    @APIResponse(responseCode = "404", description = "No such case of yours is known here (another's is not confirmed to exist)")
    public CaseMeasures read(@PathParam("caseId") UUID caseId) {
        List<Measurements.Measurement> found = measurements.of(caseId, caller.asker());
        return new CaseMeasures(caseId, found, measurements.changes(found), measurements.targets(found));
    }
}
