package uk.socialprescribing.caseload.api;

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

import uk.socialprescribing.caseload.service.WaitingLists;
import uk.socialprescribing.conventions.Roles;

@Path("/api/caseload/waiting-list")
@Tag(name = "Waiting list")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER_LEAD, Roles.ADMIN })
public class WaitingListResource {

    private final WaitingLists waitingLists;
    private final Caller caller;

    public WaitingListResource(WaitingLists waitingLists, Caller caller) {
        this.waitingLists = waitingLists;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The waiting list of a PCN",
            description = "For leads (their PCN) and admin (pcn): its length, each case's wait so far, and a forecast of the "
                    + "wait for a new referral from the last 28 days' assignments.")
    @APIResponse(responseCode = "200", description = "The waiting list, in the order cases are served",
            content = @Content(schema = @Schema(implementation = WaitingLists.WaitingList.class)))
    @APIResponse(responseCode = "403", description = "Another PCN's list")
    public WaitingLists.WaitingList read(@Parameter(description = "The PCN (admin); leads see their own", example = "U84002") @QueryParam("pcn") String pcn) {
        return waitingLists.of(caller.readablePcn(pcn));
    }
}
