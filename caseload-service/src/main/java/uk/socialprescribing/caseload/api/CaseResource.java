package uk.socialprescribing.caseload.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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

import uk.socialprescribing.caseload.repository.CaseRepository;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.QueryParameters;

@Path("/api/caseload/cases")
@Tag(name = "Cases")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "link-worker", "link-worker-lead", "admin" })
public class CaseResource {

    private final CaseRepository cases;

    public CaseResource(CaseRepository cases) {
        this.cases = cases;
    }

    @GET
    @Operation(summary = "List cases", description = "Oldest first, paged; or the case of one referral with referralId.")
    @APIResponse(responseCode = "200", description = "The cases")
    @APIResponse(responseCode = "400", description = "A parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CaseView> list(@QueryParam("referralId") @Parameter(description = "Only the case of this referral") String referralIdParam,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Optional<UUID> referralId = QueryParameters.uuid("referralId", referralIdParam);
        if (referralId.isPresent()) {
            return cases.findByReferral(referralId.get()).map(CaseView::of).stream().toList();
        }
        return cases.page(page, size).stream().map(CaseView::of).toList();
    }
}
