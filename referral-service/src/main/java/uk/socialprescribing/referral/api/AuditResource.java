package uk.socialprescribing.referral.api;

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

import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.QueryParameters;
import uk.socialprescribing.referral.repository.PersonalDataReads;

/** The audit log of reads of personal data, for admin. */
@Path("/api/referrals/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Schema(name = "PersonalDataReadPage", description = "Reads of personal data, newest first")
    public record AuditPage(long totalItems, int pageNumber, int size, List<PersonalDataReads.Read> contents) {
    }

    private final PersonalDataReads reads;

    public AuditResource(PersonalDataReads reads) {
        this.reads = reads;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Who read which referral, when and why",
            description = "Every read of a referral's personal data (one referral, a list, its feedback), newest first.")
    @APIResponse(responseCode = "200", description = "A page of the audit log",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage reads(
            @Parameter(description = "Only reads of this referral") @QueryParam("referralId") String referralId,
            @Parameter(description = "Only reads by this user or client") @QueryParam("readBy") String readBy,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        var subject = QueryParameters.uuid("referralId", referralId).orElse(null);
        String reader = readBy == null || readBy.isBlank() ? null : readBy.strip();
        int pageNumber = QueryParameters.integer("page", page, 1, 1, 1_000_000);
        int pageSize = QueryParameters.integer("size", size, 50, 1, 500);
        return new AuditPage(reads.count(subject, reader), pageNumber, pageSize, reads.search(subject, reader, pageNumber, pageSize));
    }
}
