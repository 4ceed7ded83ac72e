package uk.socialprescribing.directory.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.conventions.Page;
import uk.socialprescribing.conventions.PageParameters;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.conventions.Slice;
import uk.socialprescribing.directory.domain.Listing;
import uk.socialprescribing.directory.repository.ListingRepository;
import uk.socialprescribing.directory.service.Partnering;
import uk.socialprescribing.directory.service.Uptake;
import uk.socialprescribing.idempotency.Idempotency;

/**
 * A VCSE partner's own listings (admin may act for any organisation): list a new service, replace it, withdraw it, say
 * how many places are free and that it is still accurate, and read its change log and uptake.
 */
@Path("/api/directory/services")
@Tag(name = "Directory")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
public class PartnerListingResource {

    private final ListingRepository listings;
    private final Partnering partnering;
    private final Uptake uptake;
    private final Caller caller;
    private final ObjectMapper json;
    private final Validator validator;
    private final Idempotency idempotency;

    public PartnerListingResource(ListingRepository listings, Partnering partnering, Uptake uptake, Caller caller, ObjectMapper json,
            Validator validator, Idempotency idempotency) {
        this.listings = listings;
        this.partnering = partnering;
        this.uptake = uptake;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "List a new service",
            description = "A partner lists its own organisation's service; it waits for admin approval before it is public (nothing "
                    + "is announced until then). Admin's listings are public at once. The schedule (\"Tuesdays 10:30-12:00\") and cost "
                    + "(\"Free\", \"£2 a session\") are read into ORUK schedules and cost options where they can be.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ListingDraft.class), examples = @ExampleObject(name = "a walk", value = ListingDraft.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Listed; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; it is named")
    @APIResponse(responseCode = "403", description = "Not a partner or admin")
    public Response create(@NotNull(message = "a listing is required") @Valid ListingDraft body, @Context UriInfo uri,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.name(), key, body, () -> {
            Listing listing = partnering.submit(caller.partner(), body.organizationId(), body.organizationName(), body.details(), caller.name());
            return ListingView.withEtag(listing, Response.created(uri.getAbsolutePathBuilder().path(listing.id().toString()).build()));
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "Replace a listing",
            description = "The whole listing as it should read now, every field named (null clears one; a field left out is a 400 naming "
                    + "it, never a reset: a listing read, changed and written back keeps what it had); organizationId and organizationName "
                    + "may be left out, and the directory's own fields of a read (id, dates, moderation) may be sent back and are left aside: "
                    + "a listing read, changed and sent back whole keeps the rest. Its organisation or admin, with If-Match. An approved listing changes publicly at once "
                    + "(service.updated); every change is logged with who made it and each field before and after. Places free and "
                    + "\"still accurate\" are one call each, with no If-Match needed (PUT …/capacity, POST …/assure).")
    @RequestBody(content = @Content(schema = @Schema(implementation = ListingDraft.class), examples = @ExampleObject(name = "a walk", value = ListingDraft.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; it is named")
    @APIResponse(responseCode = "403", description = "Another organisation's listing")
    @APIResponse(responseCode = "409", description = "The listing was withdrawn")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @NotNull(message = "a listing is required") JsonNode body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        long version = Preconditions.ifMatchVersion(ifMatch);
        ListingDraft draft = ListingDraft.replacement(body, json, validator);
        return ListingView.withEtag(partnering.revise(id, version, caller.partner(), draft.details(), caller.name()), Response.ok());
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "Withdraw a listing", description = "Its organisation or admin, with If-Match. It leaves the feed and matching "
            + "(service.withdrawn; link workers can no longer connect people to it) and stays for the record.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class), examples = @ExampleObject(name = "funding", value = "{\"reason\": \"funding-ended\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's listing")
    @APIResponse(responseCode = "409", description = "Withdrawn already")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response withdraw(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid Reason body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return idempotency.once(caller.name(), key, List.of("withdraw", id, version, body), () -> {
            return ListingView.withEtag(partnering.withdraw(id, version, caller.partner(), body.reason().strip(), caller.name()), Response.ok());
        });
    }

    @PUT
    @Path("/{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "Say how many places are free",
            description = "The organisation that runs the service (token claim organisation_id) or admin. One call, If-Match not "
                    + "needed: the latest count wins, as a volunteer at the door expects (give If-Match to make it conditional). Logged in "
                    + "the listing's changes; emits service.capacity-changed, which link workers' matching and connections use.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Capacity.class),
            examples = @ExampleObject(name = "four places", value = "{\"available\": 4}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "400", description = "Not a number of places, or more than the maximum")
    @APIResponse(responseCode = "403", description = "Another organisation's service")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "Changed since the version an If-Match you gave")
    public Response capacity(@PathParam("id") UUID id, @NotNull(message = "a capacity is required") @Valid Capacity body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Listing listing = partnering.capacity(id, optionalVersion(ifMatch), caller.partner(), body.available(), body.maximum(), caller.name());
        return Response.ok(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    @POST
    @Path("/{id}/assure")
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "Confirm the listing is still accurate",
            description = "Assured today. A listing not assured for six months is shown as stale. The organisation that runs "
                    + "the service or admin; one call, If-Match not needed. Logged in the listing's changes.")
    @APIResponse(responseCode = "200", description = "Assured; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's service")
    @APIResponse(responseCode = "404", description = "No such service")
    @APIResponse(responseCode = "412", description = "Changed since the version an If-Match you gave")
    public Response assure(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.name(), key, List.of("assure", id, String.valueOf(ifMatch)), () -> {
            Listing listing = partnering.assure(id, optionalVersion(ifMatch), caller.partner(), caller.name());
            return Response.ok(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
        });
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.VCSE_PARTNER)
    @Operation(summary = "My organisation's listings", description = "Every state: waiting for approval, rejected (with the reason), "
            + "public, stale, withdrawn. stale=true lists those not assured for six months.")
    @APIResponse(responseCode = "200", description = "A page of the listings, by name")
    @APIResponse(responseCode = "400", description = "A parameter is not valid")
    public Page<ListingView> mine(@QueryParam("stale") String stale, @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        boolean onlyStale = query.bool("stale", stale).orElse(false);
        PageRequest page = paging.read(query);
        query.check();
        // an organisation's own listings are tens at most: read whole, then paged
        return Page.slice(partnering.of(caller.partner().organisationId()).stream().map(ListingView::of).filter(v -> !onlyStale || v.stale()).toList(),
                page, uri);
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "A listing's change log", description = "Newest first: who did what, when, and each field before and after.")
    @APIResponse(responseCode = "200", description = "A page of the changes")
    @APIResponse(responseCode = "404", description = "No such listing that you may see")
    public Page<ListingChangeView> changes(@PathParam("id") UUID id, @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        PageRequest page = paging.read(query);
        query.check();
        Partnering.Partner partner = caller.partner();
        partnering.owned(id, partner, "its change log");
        return Page.of(partnering.changes(id, partner, page).map(c -> new ListingChangeView(c.changedBy(), c.changedAt(), c.action(), c.changes())),
                page, uri);
    }

    @GET
    @Path("/{id}/uptake")
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "A service's uptake", description = "From link workers' connections to it: suggested, referrals received, "
            + "attending, completed, declined and dropped out, each with its coded reasons. Its organisation and admin only; no person "
            + "or case is named.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = Uptake.Figures.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's service")
    @APIResponse(responseCode = "404", description = "No such listing that you may see")
    public Uptake.Figures uptake(@PathParam("id") UUID id) {
        return uptake.of(List.of(partnering.owned(id, caller.partner(), "its uptake").id())).get(0);
    }

    @GET
    @Path("/uptake")
    @RolesAllowed({ Roles.VCSE_PARTNER, Roles.ADMIN })
    @Operation(summary = "Uptake of every service of an organisation", description = "A partner: its own organisation's services. "
            + "Admin: the organisation named by organizationId, or every public service when left out.")
    @APIResponse(responseCode = "200", description = "A page of the figures, by service name")
    @APIResponse(responseCode = "400", description = "A parameter is not valid")
    public Page<Uptake.Figures> uptakes(@QueryParam("organizationId") String organizationId, @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        Optional<UUID> organisation = query.uuid("organizationId", organizationId);
        PageRequest page = paging.read(query);
        query.check();
        Partnering.Partner partner = caller.partner();
        if (!partner.admin() && organisation.isPresent() && !organisation.get().equals(partner.organisationId())) {
            throw new ForbiddenException("A partner reads its own organisation's uptake only");
        }
        // the page of services first, then the figures of those alone
        Slice<UUID> ids = partner.admin() && organisation.isEmpty() ? listings.publicIds(page)
                : Slice.cut(partnering.of(partner.admin() ? organisation.get() : partner.organisationId()).stream().map(Listing::id).toList(), page);
        return Page.of(uptake.of(ids.items()), ids.totalItems(), page, uri);
    }

    /** The version an If-Match asks for, or null (the latest) when none is given. */
    private static Long optionalVersion(String ifMatch) {
        return ifMatch == null ? null : Preconditions.ifMatchVersion(ifMatch);
    }
}
