package uk.socialprescribing.directory.api;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.directory.repository.ListingRepository;
import uk.socialprescribing.directory.service.Partnering;
import uk.socialprescribing.idempotency.Idempotency;

/** Admin's moderation of the directory: new listings waiting for approval, and listings gone stale. */
@Path("/api/directory/services")
@Tag(name = "Directory")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ModerationResource {

    private final ListingRepository listings;
    private final Partnering partnering;
    private final Caller caller;
    private final Clock clock;
    private final Idempotency idempotency;

    public ModerationResource(ListingRepository listings, Partnering partnering, Caller caller, Clock clock, Idempotency idempotency) {
        this.listings = listings;
        this.partnering = partnering;
        this.caller = caller;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/pending")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Listings waiting for approval", description = "Admin's moderation queue, oldest first.")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "403", description = "Not admin")
    public Page<ListingView> pending(@BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        PageRequest page = paging.read(query);
        query.check();
        return Page.of(partnering.pending(page).map(ListingView::of), page, uri);
    }

    @GET
    @Path("/stale")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stale listings", description = "Admin: every public listing not assured for six months, the longest "
            + "unassured first, with its organisation; those unassured for a year are already left out of matching.")
    @APIResponse(responseCode = "200", description = "A page of the listings")
    @APIResponse(responseCode = "403", description = "Not admin")
    public Page<ListingView> stale(@BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        PageRequest page = paging.read(query);
        query.check();
        return Page.of(listings.unassuredSince(Clocks.today(clock).minusMonths(6), page).map(ListingView::of), page, uri);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Approve a partner's new listing", description = "Admin, with If-Match. It becomes public: service.published.")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for approval")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return idempotency.once(caller.name(), key, List.of("approve", id, version), () -> {
            return ListingView.withEtag(partnering.approve(id, version, caller.name()), Response.ok());
        });
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Turn a partner's new listing down, saying why", description = "Admin, with If-Match; the partner sees the reason.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class),
            examples = @ExampleObject(name = "not a community service", value = "{\"reason\": \"A commercial gym; not a community service\"}")))
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for approval")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response reject(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid Reason body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return idempotency.once(caller.name(), key, List.of("reject", id, version, body), () -> {
            return ListingView.withEtag(partnering.reject(id, version, body.reason().strip(), caller.name()), Response.ok());
        });
    }
}
