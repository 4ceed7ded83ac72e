package uk.socialprescribing.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who read whose personal data, when and why",
            description = "Every read of a person's data held by this service, newest first, paged; narrowed to one subject (the "
                    + "referral or case read) and/or one reader. Admin only.")
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
        return Page.of(reads.search(subject, reader, page), page, uri);
    }
}
