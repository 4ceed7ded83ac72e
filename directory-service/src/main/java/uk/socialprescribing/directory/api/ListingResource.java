package uk.socialprescribing.directory.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.repository.ListingRepository;
import uk.socialprescribing.problem.Problem;

@Path("/api/directory/services")
@Tag(name = "Directory")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "referrer", "link-worker", "link-worker-lead", "vcse-partner", "commissioner", "admin" })
public class ListingResource {

    private final ListingRepository listings;

    public ListingResource(ListingRepository listings) {
        this.listings = listings;
    }

    @GET
    @Operation(summary = "List active services", description = "Paged (page numbers from 1), by name; optionally one category.")
    @APIResponse(responseCode = "200", description = "A page of services",
            content = @Content(schema = @Schema(implementation = ListingPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ListingPage list(
            @QueryParam("category") @Pattern(regexp = "[a-z-]{1,50}", message = "must be a category code such as walking") String category,
            @QueryParam("page") @DefaultValue("1") @Min(1) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        PanacheQuery<Listing> query = listings.active(category).page(page - 1, size);
        return new ListingPage(query.count(), query.pageCount(), page, size, query.list().stream().map(ListingView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a service")
    @APIResponse(responseCode = "200", description = "The service",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ListingView read(@PathParam("id") UUID id) {
        return listings.findByIdOptional(id).map(ListingView::of).orElseThrow(NotFoundException::new);
    }
}
