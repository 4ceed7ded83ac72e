package uk.socialprescribing.caseload.api;

import java.time.Instant;
import java.util.List;
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

import uk.socialprescribing.caseload.service.PersonalDataReads;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.problem.QueryParameters;

@Path("/api/caseload/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AuditResource {

    @Schema(name = "CaseRead")
    public record Read(UUID caseId, String readBy, @Schema(enumeration = { "care-plan", "session-notes", "connection-notes" }) String purpose,
            Instant readAt) {
    }

    private final PersonalDataReads reads;

    public AuditResource(PersonalDataReads reads) {
        this.reads = reads;
    }

    @GET
    @Operation(summary = "Who read a case's plan and notes", description = "Admin only. Newest first, paged (page numbers from 1).")
    @APIResponse(responseCode = "200", description = "The reads", content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = Read.class), examples = @ExampleObject(name = "reads", value = """
            [{"caseId": "0b0e4f5c-1c7e-4e52-9a43-5a8a0c1a2b01", "readBy": "priya.shah", "purpose": "care-plan", "readAt": "2026-11-21T14:02:11Z"}]""")))
    @APIResponse(responseCode = "400", description = "caseId is missing or not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Read> reads(@Parameter(required = true) @QueryParam("caseId") String caseId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        UUID id = QueryParameters.uuid("caseId", caseId)
                .orElseThrow(() -> new ProblemException(Problem.invalidField("caseId", "Required", "names the case whose reads to list")));
        return reads.of(id, QueryParameters.integer("page", page, 1, 1, 100_000), QueryParameters.integer("size", size, 50, 1, 200))
                .stream().map(r -> new Read(r.caseId(), r.readBy(), r.purpose(), r.readAt())).toList();
    }
}
