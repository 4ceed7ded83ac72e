package uk.socialprescribing.directory.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.directory.repository.ListingRepository;
import uk.socialprescribing.directory.service.Partnering;

/** The directory's listings as anyone signed in reads them: the active ones, and one by its id. */
@Path("/api/directory/services")
@Tag(name = "Directory")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.VCSE_PARTNER, Roles.COMMISSIONER, Roles.ADMIN })
public class ListingResource {

    private final ListingRepository listings;
    private final Partnering partnering;
    private final Caller caller;

    public ListingResource(ListingRepository listings, Partnering partnering, Caller caller) {
        this.listings = listings;
        this.partnering = partnering;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List active services", description = "Paged (page numbers from 1), by name; optionally one category.")
    @APIResponse(responseCode = "200", description = "A page of services")
    @APIResponse(responseCode = "400", description = "A parameter is not valid")
    public Page<ListingView> list(@Parameter(description = "A category code", example = "walking") @QueryParam("category") String category,
            @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        String only = query.matching("category", category, "[a-z-]{1,50}", "must be a category code such as walking").orElse(null);
        PageRequest page = paging.read(query);
        query.check();
        return Page.of(listings.active(only, page).map(ListingView::of), page, uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a service",
            description = "A public listing for anyone signed in; a listing waiting for approval or rejected only for its organisation and admin. ETag its version, for the partner's writes.")
    @APIResponse(responseCode = "200", description = "The service; ETag its version",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "404", description = "No such service")
    public Response read(@PathParam("id") UUID id) {
        return ListingView.withEtag(partnering.readable(id, caller.reader()), Response.ok());
    }
}
