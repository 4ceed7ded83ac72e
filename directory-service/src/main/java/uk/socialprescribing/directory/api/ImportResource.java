package uk.socialprescribing.directory.api;

import java.io.StringReader;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.directory.service.ListingImport;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;

@Path("/api/directory/import")
@Tag(name = "Directory")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ImportResource {

    static final String EXAMPLE = """
            organisation,name,description,category,venue,town,postcode,schedule,cost,capacity_maximum,capacity_available,minimum_age
            Knaresborough Walkers' Trust,Nidd Gorge Walkers,"An easy walk along the gorge, then tea.",walking,Knaresborough Library,Knaresborough,HG5 8AH,Tuesdays 10:30-12:00,Free,15,6,18
            """;

    private final ListingImport importing;
    private final SecurityIdentity identity;

    public ImportResource(ListingImport importing, SecurityIdentity identity) {
        this.importing = importing;
        this.identity = identity;
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Import listings from CSV",
            description = "Admin. Columns organisation, name, description, category (a taxonomy term code), venue, town, postcode, and "
                    + "optionally schedule, cost, capacity_maximum, capacity_available, minimum_age, maximum_age. Every row is checked "
                    + "first: a bad row fails the whole import with each problem named by its line, and nothing is written. A listing "
                    + "is known again by organisation and name, so a re-import changes listings rather than duplicating them.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "one listing", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Imported: how many listings were created, changed and left as they were",
            content = @Content(schema = @Schema(implementation = ListingImport.Outcome.class)))
    @APIResponse(responseCode = "400", description = "The file has problems; each is named by its line and column, and nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ListingImport.Outcome csv(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.invalidField("file", "Required", "must hold a header line and at least one listing"));
        }
        return importing.csv(new StringReader(body), identity.getPrincipal().getName());
    }
}
