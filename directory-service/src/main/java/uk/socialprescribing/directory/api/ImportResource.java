package uk.socialprescribing.directory.api;

import java.io.StringReader;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import com.fasterxml.jackson.databind.JsonNode;

import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.directory.service.ListingImport;
import uk.socialprescribing.directory.service.OrukFeedImport;

@Path("/api/directory/import")
@Tag(name = "Directory")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    static final String EXAMPLE = """
            organisation,name,description,category,venue,town,postcode,schedule,cost,capacity_maximum,capacity_available,minimum_age
            Knaresborough Walkers' Trust,Nidd Gorge Walkers,"An easy walk along the gorge, then tea.",walking,Knaresborough Library,Knaresborough,HG5 8AH,Tuesdays 10:30-12:00,Free,15,6,18
            """;

    private final ListingImport importing;
    private final OrukFeedImport feeds;
    private final Caller caller;

    public ImportResource(ListingImport importing, OrukFeedImport feeds, Caller caller) {
        this.importing = importing;
        this.feeds = feeds;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import listings from a file saved from an Open Referral UK feed",
            description = "Admin. A page of full ORUK 3.0 services (as GET /services/{id} answers them, under contents) or an array of "
                    + "them. Each service needs its organization's name, a taxonomy term of the activity taxonomy (by id, code or name), "
                    + "and a location with an address (city, postal_code); schedules, cost options, ages, service_capacity, languages, "
                    + "contacts and the location's accessibility (where it names one of our codes) are read too. Every field must be of the "
                    + "type the ORUK 3.0 schema gives it, no text over 10,000 characters and no list over 1,000 items; a page has only "
                    + "ORUK's page fields. All or nothing, each problem named by the service's place in the file; a re-import updates "
                    + "rather than duplicates.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one service", value = """
            {"contents": [{"id": "2c1a0b8e-6e0a-4c43-9f4e-0f5c1d0b7a11", "name": "Nidd Gorge Walkers", "description": "An easy walk, then tea.",
              "organization": {"name": "Knaresborough Walkers' Trust"},
              "attributes": [{"taxonomy_term": {"code": "walking"}}],
              "service_at_locations": [{"location": {"name": "Knaresborough Library",
                "addresses": [{"address_1": "Market Place", "city": "Knaresborough", "postal_code": "HG5 8AH"}]}}],
              "schedules": [{"freq": "WEEKLY", "byday": "TU", "opens_at": "10:30", "closes_at": "12:00"}],
              "cost_options": [{"amount": 0}]}]}""")))
    @APIResponse(responseCode = "200", description = "Imported: how many listings were created, changed and left as they were",
            content = @Content(schema = @Schema(implementation = ListingImport.Outcome.class)))
    @APIResponse(responseCode = "400", description = "The file has problems; each is named, and nothing was imported")
    @APIResponse(responseCode = "403", description = "Not admin")
    public ListingImport.Outcome orukFile(JsonNode body) {
        if (body == null || body.isNull()) {
            throw new ProblemException(Problem.invalidField("contents", "Required", "must be a page of ORUK services or an array of them"));
        }
        return feeds.fromFile(body, caller.name());
    }

    @Schema(name = "FeedImport")
    public record Feed(@NotBlank @Size(max = 500)
            @Pattern(regexp = "https?://\\S+", message = "must be an http or https address")
            @Schema(required = true, description = "Where the feed's GET / answers", example = "https://directory.example.org/oruk") String url) {
    }

    @POST
    @Path("/feed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a neighbouring directory's Open Referral UK feed",
            description = "Admin. Pages through the feed's /services (100 a page) and reads each service in full, then imports them as a "
                    + "file is imported: all or nothing, a re-import updates rather than duplicates. A feed that cannot be reached or "
                    + "read is a 502 naming the address, and nothing is imported.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a feed", value = "{\"url\": \"https://directory.example.org/oruk\"}")))
    @APIResponse(responseCode = "200", description = "Imported", content = @Content(schema = @Schema(implementation = ListingImport.Outcome.class)))
    @APIResponse(responseCode = "400", description = "The address is not valid, or the feed's services have problems; each is named")
    @APIResponse(responseCode = "502", description = "The feed could not be reached or read")
    public ListingImport.Outcome feed(@NotNull(message = "a feed is required") @Valid Feed body) {
        return feeds.fromFeed(URI.create(body.url().strip()), caller.name());
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Import listings from CSV",
            description = "Admin. Columns organisation, name, description, category (a taxonomy term code), venue, town, postcode, and "
                    + "optionally schedule, cost, capacity_maximum, capacity_available, minimum_age, maximum_age, languages and "
                    + "accessibility (codes separated by semicolons), contact_name, contact_email, contact_phone. Every row is checked "
                    + "first: a bad row fails the whole import with each problem named by its line, and nothing is written. A listing "
                    + "is known again by organisation and name, so a re-import changes listings rather than duplicating them.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "one listing", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Imported: how many listings were created, changed and left as they were",
            content = @Content(schema = @Schema(implementation = ListingImport.Outcome.class)))
    @APIResponse(responseCode = "400", description = "The file has problems; each is named by its line and column, and nothing was imported")
    @APIResponse(responseCode = "403", description = "Not admin")
    public ListingImport.Outcome csv(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.invalidField("file", "Required", "must hold a header line and at least one listing"));
        }
        return importing.csv(new StringReader(body), caller.name());
    }
}
