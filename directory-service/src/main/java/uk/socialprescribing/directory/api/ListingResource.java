package uk.socialprescribing.directory.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.repository.ListingRepository;
import uk.socialprescribing.directory.service.Partnering;
import uk.socialprescribing.problem.Preconditions;
import uk.socialprescribing.problem.Problem;

@Path("/api/directory/services")
@Tag(name = "Directory")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "referrer", "link-worker", "link-worker-lead", "vcse-partner", "commissioner", "admin" })
public class ListingResource {

    private final ListingRepository listings;
    private final Partnering partnering;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public ListingResource(ListingRepository listings, Partnering partnering, SecurityIdentity identity, JsonWebToken token) {
        this.listings = listings;
        this.partnering = partnering;
        this.identity = identity;
        this.token = token;
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
    @APIResponse(responseCode = "200", description = "The service; ETag its version",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") UUID id) {
        Listing listing = listings.findByIdOptional(id).orElseThrow(NotFoundException::new);
        return Response.ok(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    @Schema(name = "Capacity")
    public record Capacity(@NotNull @Min(0) @Schema(required = true, description = "Places free now", example = "4") Integer available,
            @Min(0) @Schema(description = "The most there can be; unchanged when left out", example = "12") Integer maximum) {
    }

    @PUT
    @Path("/{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "Say how many places are free",
            description = "The organisation that runs the service (token claim organisation_id) or admin; needs If-Match. "
                    + "Emits service.capacity-changed, which link workers' matching and connections use.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Capacity.class),
            examples = @ExampleObject(name = "four places", value = "{\"available\": 4}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "400", description = "Not a number of places, or more than the maximum",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response capacity(@PathParam("id") UUID id, @NotNull(message = "a capacity is required") @Valid Capacity body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Listing listing = partnering.capacity(id, version, partner(), body.available(), body.maximum());
        return Response.ok(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    @POST
    @Path("/{id}/assure")
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "Confirm the listing is still accurate",
            description = "Assured today. A listing not assured for six months is shown as stale. The organisation that runs "
                    + "the service or admin; needs If-Match.")
    @APIResponse(responseCode = "200", description = "Assured; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assure(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Listing listing = partnering.assure(id, version, partner());
        return Response.ok(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    /** The caller as a writer of listings: admin, or the organisation its token names. */
    private Partnering.Partner partner() {
        if (identity.hasRole("admin")) {
            return new Partnering.Partner(true, null);
        }
        Object claim = token.getClaim("organisation_id");
        UUID organisation = null;
        try {
            organisation = claim == null ? null : UUID.fromString(claim.toString());
        } catch (IllegalArgumentException e) {
            organisation = null;
        }
        if (organisation == null) {
            throw new io.quarkus.security.ForbiddenException("The token names no organisation (claim organisation_id)");
        }
        return new Partnering.Partner(false, organisation);
    }
}
