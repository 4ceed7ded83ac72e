package uk.socialprescribing.caseload.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.caseload.service.Allocating;
import uk.socialprescribing.caseload.service.CaseQueries;
import uk.socialprescribing.caseload.service.WaitingLists;
import uk.socialprescribing.conventions.Roles;

@Path("/api/caseload/team")
@Tag(name = "Caller")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER_LEAD, Roles.ADMIN })
public class TeamResource {

    @Schema(name = "TeamView", description = "A PCN's link workers against their caps, the flags on their cases, and the waiting list")
    public record TeamView(@Schema(example = "U84002") String pcnCode, List<WorkerLoad> linkWorkers, WaitingLists.WaitingList waitingList) {
    }

    @Schema(name = "WorkerLoad")
    public record WorkerLoad(UUID linkWorkerId, String username, String displayName, boolean lead,
            @Schema(description = "Open cases now") long activeCases, int activeCaseCap,
            @Schema(description = "Cases taken on in the last 365 days") long takenOnThisYear, int yearlyCap,
            @Schema(description = "Places left under both caps") int spare,
            @Schema(description = "Open cases with each flag; flags with none are left out",
                    example = "{\"first-contact-late\": 1, \"missed-two-in-a-row\": 2}") Map<String, Long> flagged) {
    }

    private final Allocating allocating;
    private final CaseQueries cases;
    private final WaitingLists waitingLists;
    private final Caller caller;

    public TeamResource(Allocating allocating, CaseQueries cases, WaitingLists waitingLists, Caller caller) {
        this.allocating = allocating;
        this.cases = cases;
        this.waitingLists = waitingLists;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The team view of a PCN",
            description = "For leads (their PCN) and admin (pcn): each link worker's load against their caps, the DNA, "
                    + "first-contact, unrecorded-session and follow-up flags on their open cases, and the waiting list.")
    @APIResponse(responseCode = "200", description = "The team", content = @Content(schema = @Schema(implementation = TeamView.class),
            examples = @ExampleObject(name = "a team", value = """
                    {"pcnCode": "U84002", "linkWorkers": [{"linkWorkerId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    "username": "amara.okafor", "displayName": "Amara Okafor", "lead": false, "activeCases": 12, "activeCaseCap": 40,
                    "takenOnThisYear": 61, "yearlyCap": 225, "spare": 28, "flagged": {"first-contact-late": 1}}],
                    "waitingList": {"pcnCode": "U84002", "length": 0, "urgent": 0, "assignedPerWeek": 3.5, "forecastWaitDays": 2, "cases": []}}""")))
    @APIResponse(responseCode = "403", description = "Another PCN's team")
    public TeamView read(@Parameter(description = "The PCN (admin); leads see their own", example = "U84002") @QueryParam("pcn") String pcn) {
        String pcnCode = caller.readablePcn(pcn);
        Map<UUID, Map<String, Long>> flags = cases.flagCounts(pcnCode);
        List<WorkerLoad> loads = allocating.loads(pcnCode).stream()
                .sorted(Comparator.comparing((Allocating.Load l) -> l.worker().displayName()))
                .map(l -> new WorkerLoad(l.worker().id(), l.worker().username(), l.worker().displayName(), l.worker().lead(),
                        l.activeCases(), l.worker().activeCaseCap(), l.takenOnThisYear(), l.worker().yearlyCap(), l.spare(),
                        flags.getOrDefault(l.worker().id(), Map.of())))
                .toList();
        return new TeamView(pcnCode, loads, waitingLists.of(pcnCode));
    }
}
