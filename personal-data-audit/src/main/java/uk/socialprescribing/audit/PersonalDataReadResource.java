package uk.socialprescribing.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.identity.SecurityIdentity;

import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;

/**
 * The admin's read of a service's audit of personal-data reads. Each service mounts it under its own path with a
 * subclass that adds only {@code @Path} and {@code @Tag} (e.g. {@code /api/caseload/audit}), as it mounts its dead letters.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class PersonalDataReadResource {

    @Inject
    PersonalDataReads reads;

    @Inject
    AuditChain chain;

    @Inject
    SecurityIdentity caller;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who read whose personal data, when and why",
            description = "Every read of a person's data held by this service, newest first, paged; narrowed to one subject (the "
                    + "referral or case read) and/or one reader. Admin only. Reading the audit is itself recorded in it (purpose "
                    + "audit-log), against the subject asked about or, for the whole log, the nil UUID.")
    @APIResponse(responseCode = "200", description = "A page of the audit log")
    @APIResponse(responseCode = "400", description = "A query parameter is not valid; each is named")
    public Page<PersonalDataReads.Read> reads(
            @Parameter(description = "Only reads of this subject: the referral or case read") @QueryParam("subjectId") String subjectId,
            @Parameter(description = "Only reads by this user or client", example = "amara.okafor") @QueryParam("readBy") String readBy,
            @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        var subject = query.uuid("subjectId", subjectId).orElse(null);
        String reader = query.text("readBy", readBy, 1, 200).orElse(null);
        PageRequest page = paging.read(query);
        query.check();
        return Page.of(reads.searchRecorded(subject, reader, page, caller.getPrincipal().getName()), page, uri);
    }

    @GET
    @Path("verify")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Check that the audit log has not been tampered with",
            description = "Walks the log's hash chain from its first row: each row, sealed a few seconds after it is written, "
                    + "carries the SHA-256 of the one before it and of its own fields, so a row changed, removed or slipped in "
                    + "breaks the chain where it stands, and rows cut off the end fall short of the head. The head's hash is also "
                    + "written to the service's log as it moves: compare it there to catch a rewrite of the whole chain. The "
                    + "check reads the whole log (seconds for a million rows) and is itself recorded in it (purpose audit-verify).")
    @APIResponse(responseCode = "200", description = "intact, or broken with the first place where it does not hold")
    @APIResponse(responseCode = "403", description = "Only admin checks the audit")
    public AuditChain.Verification verify() {
        reads.recordOne(PersonalDataReads.WHOLE_LOG, caller.getPrincipal().getName(), "audit-verify");
        return chain.verify();
    }
}
