package uk.socialprescribing.caseload.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.socialprescribing.caseload.domain.CarePlanVersion;
import uk.socialprescribing.caseload.service.CarePlans;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.Roles;

@Path("/api/caseload/cases/{id}/plan")
@Tag(name = "Care plans")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
public class PlanResource {

    static final String EXAMPLE = """
            {"whatMatters": "Getting out of the house more since my wife died; I used to love the allotment.",
             "plannedSessions": 6,
             "goals": [{"description": "Go to a gardening group once a week", "progress": "not-started", "targetDate": "2027-01-31"},
                       {"id": "g1", "description": "Walk to the shops and back without stopping", "progress": "some-progress"}],
             "actions": [{"description": "Ring Grow Well Knaresborough about a taster session", "owner": "link-worker", "dueBy": "2026-12-05"},
                         {"description": "Try the Tuesday walk with a neighbour", "owner": "person", "done": false}],
             "changeSummary": "Added the gardening goal after our second conversation"}""";

    @Schema(name = "CarePlanDraft", description = "The whole plan as it should read now; it becomes the next version")
    public record Draft(@NotBlank @Size(max = 4000) @Schema(required = true, description = "In the person's own words") String whatMatters,
            @Min(1) @Max(24) @Schema(description = "Sessions intended, typically 6 to 8; 6 when left out", example = "6") Integer plannedSessions,
            @NotNull @Size(max = 20) @Schema(required = true) List<@NotNull @Valid GoalDraft> goals,
            @Size(max = 30) List<@NotNull @Valid ActionDraft> actions,
            @Size(max = 500) @Schema(description = "What changed and why") String changeSummary) {
    }

    @Schema(name = "GoalDraft")
    public record GoalDraft(@Pattern(regexp = "g[0-9]{1,3}", message = "must be a goal id such as g1")
            @Schema(description = "The id of a goal in the current version; leave out for a new goal", example = "g1") String id,
            @NotBlank @Size(max = 500) @Schema(required = true) String description,
            @NotNull @Schema(required = true, example = "some-progress") CarePlanVersion.Progress progress,
            LocalDate targetDate) {
    }

    @Schema(name = "ActionDraft")
    public record ActionDraft(@NotBlank @Size(max = 500) @Schema(required = true) String description,
            @NotNull @Schema(required = true, example = "person") CarePlanVersion.Owner owner, LocalDate dueBy,
            @Schema(description = "false when left out") Boolean done) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CarePlan")
    public record PlanView(UUID caseId, @Schema(description = "From 1; the ETag") int version, String whatMatters, int plannedSessions,
            List<CarePlanVersion.Goal> goals, List<CarePlanVersion.Action> actions, String changeSummary, String createdBy,
            Instant createdAt) {

        static PlanView of(CarePlanVersion v) {
            return new PlanView(v.caseId(), v.version(), v.whatMatters(), v.plannedSessions(), v.goals(), v.actions(), v.changeSummary(),
                    v.createdBy(), v.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CarePlanVersionSummary")
    public record VersionSummary(int version, Instant createdAt, String createdBy, String changeSummary, int goals,
            @Schema(description = "Goals marked achieved in this version") int goalsAchieved) {
    }

    private final CarePlans plans;
    private final Caller caller;

    public PlanResource(CarePlans plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The current care and support plan",
            description = "For the case's link worker and a lead of its PCN only: it holds what the person told them.")
    @APIResponse(responseCode = "200", description = "The current version; ETag its number",
            content = @Content(schema = @Schema(implementation = PlanView.class), examples = @ExampleObject(name = "a plan", value = """
                    {"caseId": "0b0e4f5c-1c7e-4e52-9a43-5a8a0c1a2b01", "version": 2, "whatMatters": "Getting out of the house more",
                     "plannedSessions": 6, "goals": [{"id": "g1", "description": "Go to a gardening group once a week", "progress": "some-progress"}],
                     "actions": [{"description": "Try the Tuesday walk", "owner": "person", "done": true}],
                     "changeSummary": "First session at the garden went well", "createdBy": "amara.okafor", "createdAt": "2026-11-20T10:15:00Z"}""")))
    @APIResponse(responseCode = "403", description = "Not the case's link worker or a lead of its PCN")
    @APIResponse(responseCode = "404", description = "No such case, or no plan yet")
    public Response current(@PathParam("id") UUID caseId) {
        CarePlanVersion plan = plans.current(caseId, caller.viewer());
        return Response.ok(PlanView.of(plan)).header(HttpHeaders.ETAG, Preconditions.etag(plan.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write the plan's next version",
            description = "The whole plan as it should read now. The first version needs no If-Match; every later one needs the "
                    + "current version's ETag. Goals keep their ids (g1, g2, ...) from version to version so that progress can be followed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Draft.class), examples = @ExampleObject(name = "a revision", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The new version; ETag its number", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; it is named")
    @APIResponse(responseCode = "403", description = "Not the case's link worker or a lead of its PCN")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    @APIResponse(responseCode = "409", description = "The case is closed")
    @APIResponse(responseCode = "412", description = "Someone revised the plan since you read it")
    @APIResponse(responseCode = "428", description = "The plan exists and If-Match is missing")
    public Response revise(@PathParam("id") UUID caseId, @NotNull(message = "a plan is required") @Valid Draft body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        List<CarePlanVersion.Goal> goals = body.goals().stream()
                .map(g -> new CarePlanVersion.Goal(g.id(), g.description().strip(), g.progress(), g.targetDate())).toList();
        List<CarePlanVersion.Action> actions = body.actions() == null ? List.of() : body.actions().stream()
                .map(a -> new CarePlanVersion.Action(a.description().strip(), a.owner(), a.dueBy(), Boolean.TRUE.equals(a.done()))).toList();
        String summary = body.changeSummary() == null || body.changeSummary().isBlank() ? null : body.changeSummary().strip();
        CarePlanVersion plan = plans.revise(caseId, ifMatch == null || ifMatch.isBlank() ? null : ifMatch,
                new CarePlans.Draft(body.whatMatters().strip(), body.plannedSessions() == null ? 6 : body.plannedSessions(), goals, actions, summary),
                caller.viewer(), caller.name());
        return Response.ok(PlanView.of(plan)).header(HttpHeaders.ETAG, Preconditions.etag(plan.version())).build();
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every version of the plan", description = "Oldest first, each with who wrote it, when and why.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "403", description = "Not the case's link worker or a lead of its PCN")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    public List<VersionSummary> versions(@PathParam("id") UUID caseId) {
        return plans.versions(caseId, caller.viewer()).stream().map(v -> new VersionSummary(v.version(), v.createdAt(), v.createdBy(),
                v.changeSummary(), v.goals().size(),
                (int) v.goals().stream().filter(g -> g.progress() == CarePlanVersion.Progress.ACHIEVED).count())).toList();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "One version of the plan, as it was written",
            description = "A plan version never changes once written: the case's link worker or a lead of its network reads any of them by number. The read is audited.")
    @APIResponse(responseCode = "200", description = "That version", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "403", description = "Not the case's link worker or a lead of its PCN")
    @APIResponse(responseCode = "404", description = "No such case, or no such version")
    public PlanView version(@PathParam("id") UUID caseId, @PathParam("version") int version) {
        return PlanView.of(plans.version(caseId, version, caller.viewer()));
    }
}
