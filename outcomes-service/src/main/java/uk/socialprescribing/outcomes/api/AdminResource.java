package uk.socialprescribing.outcomes.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.outcomes.projection.ProjectionRebuild;

@Path("/api/outcomes/admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private final ProjectionRebuild rebuild;

    public AdminResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/projections/rebuild")
    @Operation(summary = "Rebuild the metrics' projections from the event topics",
            description = "Replays referral-events and caseload-events from their first offset into fresh tables and swaps them in; "
                    + "metrics read the same before and after. Answers when done, with the number of events and the rate.")
    @APIResponse(responseCode = "200", description = "Rebuilt", content = @Content(schema = @Schema(implementation = ProjectionRebuild.Result.class)))
    @APIResponse(responseCode = "403", description = "Not admin")
    public ProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
