package uk.socialprescribing.referral.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.service.Triage;

@Path("/api/referrals")
@Tag(name = "Referrals")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final Triage triage;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public ReferralResource(Triage triage, SecurityIdentity identity, JsonWebToken token) {
        this.triage = triage;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("referrer")
    @Operation(summary = "Refer a person to social prescribing",
            description = "For GP practice systems: the referring practice is the token's ods_code. "
                    + "Emits referral.received.")
    @APIResponse(responseCode = "201", description = "Received; Location names the referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a referrer, or the token names no organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refer(@NotNull(message = "a referral is required") @Valid NewReferral referral, UriInfo uri) {
        String odsCode = token.getClaim("ods_code");
        if (odsCode == null || odsCode.isBlank()) {
            throw new ForbiddenException("The token names no organisation (claim ods_code)");
        }
        NewReferral.PersonDetails p = referral.person();
        Referral received = triage.receiveFromGpPractice(odsCode,
                new Person(p.nhsNumber(), p.givenName().strip(), p.familyName().strip(), p.dateOfBirth(), p.contactPhone()),
                referral.reason().strip());
        URI location = uri.getBaseUriBuilder().path(ReferralResource.class).path(received.id().toString()).build();
        return Response.created(location).entity(ReferralView.of(received)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "referrer", "link-worker", "link-worker-lead", "admin" })
    @Operation(summary = "Read a referral", description = "A referrer sees its own referrals only. Every read is audited.")
    @APIResponse(responseCode = "200", description = "The referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView read(@PathParam("id") UUID id) {
        boolean triager = identity.hasRole("link-worker") || identity.hasRole("link-worker-lead") || identity.hasRole("admin");
        String restrictTo = triager ? null : token.<String>getClaim("ods_code");
        if (!triager && restrictTo == null) {
            throw new ForbiddenException("The token names no organisation (claim ods_code)");
        }
        return ReferralView.of(triage.read(id, identity.getPrincipal().getName(), restrictTo));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({ "link-worker", "link-worker-lead" })
    @Operation(summary = "Accept a referral after triage", description = "Emits referral.accepted; caseload-service then opens a case.")
    @APIResponse(responseCode = "200", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Its status does not allow accepting it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralView accept(@PathParam("id") UUID id) {
        return ReferralView.of(triage.accept(id, identity.getPrincipal().getName()));
    }
}
