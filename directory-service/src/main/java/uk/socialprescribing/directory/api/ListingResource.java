package uk.socialprescribing.directory.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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
import uk.socialprescribing.directory.domain.ListingChange;
import uk.socialprescribing.directory.repository.ListingRepository;
import uk.socialprescribing.directory.service.Partnering;
import uk.socialprescribing.directory.service.Uptake;
import uk.socialprescribing.directory.service.Postcodes;
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
    private final Uptake uptake;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final jakarta.validation.Validator validator;

    public ListingResource(ListingRepository listings, Partnering partnering, Uptake uptake, SecurityIdentity identity, JsonWebToken token,
            com.fasterxml.jackson.databind.ObjectMapper json, jakarta.validation.Validator validator) {
        this.json = json;
        this.validator = validator;
        this.listings = listings;
        this.partnering = partnering;
        this.uptake = uptake;
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
    @Operation(summary = "Read a service",
            description = "A public listing for anyone signed in; a listing waiting for approval or rejected only for its organisation and admin. ETag its version, for the partner's writes.")
    @APIResponse(responseCode = "200", description = "The service; ETag its version",
            content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") UUID id) {
        return viewWithEtag(partnering.readable(id, reader()), Response.ok());
    }

    @Schema(name = "ListingDraft", description = "A listing as its organisation writes it")
    public record Draft(@Schema(description = "Admin only: the organisation that runs it (a partner's is its token's)") UUID organizationId,
            @Size(max = 300) @Schema(description = "Needed with an organisation's first listing") String organizationName,
            @NotBlank @Size(max = 300) @Schema(required = true, example = "Nidd Gorge Walkers") String name,
            @NotBlank @Size(max = 4000) @Schema(required = true) String description,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[a-z-]{1,60}", message = "must be a taxonomy term code such as walking")
            @Schema(required = true, example = "walking") String category,
            @NotBlank @Size(max = 300) @Schema(required = true, example = "Knaresborough Library") String venue,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Knaresborough") String town,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = Postcodes.FULL, message = "must be a UK postcode")
            @Schema(required = true, example = "HG5 8AH") String postcode,
            @Size(max = 300) @Schema(nullable = true, example = "Tuesdays 10:30-12:00") String schedule,
            @Size(max = 200) @Schema(nullable = true, example = "Free") String cost,
            @Min(0) @Schema(nullable = true) Integer capacityMaximum, @Min(0) @Schema(nullable = true) Integer capacityAvailable,
            @Min(0) @Max(130) @Schema(nullable = true, description = "null: no lower limit") Integer minimumAge,
            @Min(0) @Max(130) @Schema(nullable = true, description = "null: no upper limit") Integer maximumAge,
            @Size(max = 12) @Schema(description = "Languages the service is run in: ISO 639-1 codes, or bfi for British Sign Language",
                    example = "[\"en\", \"pl\"]") List<@NotBlank String> languages,
            @Size(max = 12) @Schema(description = "The venue's access features, by code (GET /api/directory/vocabulary)",
                    example = "[\"step-free-access\", \"hearing-loop\"]") List<@NotBlank String> accessibility,
            @Valid @Schema(nullable = true, description = "Whom people and link workers can ask") ContactDraft contact) {

        Listing.Details details() {
            return new Listing.Details(name.strip(), description.strip(), category, venue.strip(), town.strip(),
                    postcode.strip().toUpperCase(java.util.Locale.ROOT), schedule, cost, capacityMaximum, capacityAvailable, minimumAge, maximumAge,
                    codes("languages", languages, uk.socialprescribing.directory.service.Vocabulary::languageCode,
                            "must be an ISO 639-1 language code such as en or pl, or bfi for British Sign Language"),
                    codes("accessibility", accessibility, uk.socialprescribing.directory.service.Vocabulary::accessCode,
                            "must be an access feature code: " + uk.socialprescribing.directory.service.Vocabulary.ACCESS.keySet()),
                    contact == null ? null : new Listing.Contact(blankToNull(contact.name()), blankToNull(contact.email()), blankToNull(contact.phone())));
        }

        private static List<String> codes(String field, List<String> given, java.util.function.Function<String, java.util.Optional<String>> code,
                String rule) {
            if (given == null) {
                return List.of();
            }
            java.util.Set<String> codes = new java.util.LinkedHashSet<>();
            for (int i = 0; i < given.size(); i++) {
                int index = i;
                codes.add(code.apply(given.get(i)).orElseThrow(() -> new uk.socialprescribing.problem.ProblemException(
                        Problem.invalidField(field + "[" + index + "]", "Code", rule))));
            }
            return List.copyOf(codes);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @Schema(name = "ListingContact")
    public record ContactDraft(@Size(max = 200) @Schema(nullable = true, example = "Sam Holt, walk leader") String name,
            @jakarta.validation.constraints.Email @Size(max = 254) @Schema(nullable = true, example = "walks@example.org") String email,
            @jakarta.validation.constraints.Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,24}", message = "must be a telephone number")
            @Schema(nullable = true, example = "01632 960123") String phone) {
    }

    static final String DRAFT_EXAMPLE = """
            {"name": "Nidd Gorge Walkers", "description": "An easy two-mile walk along the gorge, then tea.", "category": "walking",
             "venue": "Knaresborough Library", "town": "Knaresborough", "postcode": "HG5 8AH", "schedule": "Tuesdays 10:30-12:00",
             "cost": "Free", "capacityMaximum": 15, "capacityAvailable": 6, "minimumAge": 18, "maximumAge": null, "languages": ["en"],
             "accessibility": ["step-free-access", "accessible-toilet"],
             "contact": {"name": "Sam Holt", "email": "walks@example.org", "phone": "01632 960123"}}""";

    @Schema(name = "Reason")
    public record Reason(@NotBlank @Size(max = 200) @Schema(required = true, example = "funding-ended") String reason) {
    }

    @Schema(name = "ListingChange")
    public record Change(String changedBy, java.time.Instant changedAt,
            @Schema(enumeration = { "created", "updated", "capacity-changed", "assured", "approved", "rejected", "withdrawn" }) String action,
            @Schema(description = "Each changed field, before and after") java.util.Map<String, ListingChange.Difference> changes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "List a new service",
            description = "A partner lists its own organisation's service; it waits for admin approval before it is public (nothing "
                    + "is announced until then). Admin's listings are public at once. The schedule (\"Tuesdays 10:30-12:00\") and cost "
                    + "(\"Free\", \"£2 a session\") are read into ORUK schedules and cost options where they can be.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Draft.class), examples = @ExampleObject(name = "a walk", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Listed; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; it is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a partner or admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "a listing is required") @Valid Draft body, @Context UriInfo uri) {
        Listing listing = partnering.submit(partner(), body.organizationId(), body.organizationName(), body.details(), name());
        return viewWithEtag(listing, Response.created(uri.getAbsolutePathBuilder().path(listing.id().toString()).build()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "Replace a listing",
            description = "The whole listing as it should read now, every field named (null clears one; a field left out is a 400 naming "
                    + "it, never a reset: a listing read, changed and written back keeps what it had); organizationId and organizationName "
                    + "may be left out, and the directory's own fields of a read (id, dates, moderation) may be sent back and are left aside: "
                    + "a listing read, changed and sent back whole keeps the rest. Its organisation or admin, with If-Match. An approved listing changes publicly at once "
                    + "(service.updated); every change is logged with who made it and each field before and after. Places free and "
                    + "\"still accurate\" are one call each, with no If-Match needed (PUT …/capacity, POST …/assure).")
    @RequestBody(content = @Content(schema = @Schema(implementation = Draft.class), examples = @ExampleObject(name = "a walk", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid; it is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's listing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The listing was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @NotNull(message = "a listing is required") com.fasterxml.jackson.databind.JsonNode body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws com.fasterxml.jackson.core.JsonProcessingException {
        long version = Preconditions.ifMatchVersion(ifMatch);
        Draft draft = wholeListing(body);
        return viewWithEtag(partnering.revise(id, version, partner(), draft.details(), name()), Response.ok());
    }

    /** The fields a replacement must name, each of them (null to clear it): a listing's every field but its organisation. */
    static final List<String> REPLACED = java.util.Arrays.stream(Draft.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
            .filter(name -> !name.startsWith("organization")).toList();

    /** The fields of a listing's read that no write takes: sent back with the rest, they are left aside. */
    static final List<String> READ_ONLY = java.util.Arrays.stream(ListingView.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .filter(name -> java.util.Arrays.stream(Draft.class.getRecordComponents()).noneMatch(c -> c.getName().equals(name))).toList();

    static final List<String> CONTACT_FIELDS = java.util.Arrays.stream(ContactDraft.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    /** A full replacement: every field named, then read and checked as a new listing's would be. */
    private Draft wholeListing(com.fasterxml.jackson.databind.JsonNode body) throws com.fasterxml.jackson.core.JsonProcessingException {
        if (!body.isObject()) {
            throw new uk.socialprescribing.problem.ProblemException(Problem.invalidField("body", "Object", "must be a listing, a JSON object"));
        }
        List<String> absent = new java.util.ArrayList<>(REPLACED.stream().filter(field -> !body.has(field)).toList());
        if (body.path("contact").isObject()) {
            // the contact too, field by field: a name left out is not a name removed
            for (String field : CONTACT_FIELDS) {
                if (!body.get("contact").has(field)) {
                    absent.add("contact." + field);
                }
            }
        }
        List<Problem.FieldError> missing = absent.stream()
                .map(field -> new Problem.FieldError(field, "Required", "a full replacement names every field (null clears one, "
                        + "leaving it out would not): read the listing, change what you mean to and send it all back"))
                .toList();
        if (!missing.isEmpty()) {
            throw new uk.socialprescribing.problem.ProblemException(new Problem(Problem.type("validation"), "The request is not valid", 400,
                    missing.size() == 1 ? "1 field is not valid: " + missing.get(0).field() : missing.size() + " fields are not valid", null, missing));
        }
        // what the directory keeps of its own (id, dates, moderation), as a read gives them, is not the writer's: left aside
        com.fasterxml.jackson.databind.node.ObjectNode written = ((com.fasterxml.jackson.databind.node.ObjectNode) body).deepCopy();
        written.remove(READ_ONLY);
        Draft draft = json.treeToValue(written, Draft.class);
        var violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        return draft;
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "Withdraw a listing", description = "Its organisation or admin, with If-Match. It leaves the feed and matching "
            + "(service.withdrawn; link workers can no longer connect people to it) and stays for the record.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class), examples = @ExampleObject(name = "funding", value = "{\"reason\": \"funding-ended\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's listing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Withdrawn already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid Reason body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return viewWithEtag(partnering.withdraw(id, version, partner(), body.reason().strip(), name()), Response.ok());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed("admin")
    @Operation(summary = "Approve a partner's new listing", description = "Admin, with If-Match. It becomes public: service.published.")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for approval",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return viewWithEtag(partnering.approve(id, version, name()), Response.ok());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Turn a partner's new listing down, saying why", description = "Admin, with If-Match; the partner sees the reason.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class),
            examples = @ExampleObject(name = "not a community service", value = "{\"reason\": \"A commercial gym; not a community service\"}")))
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for approval",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid Reason body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return viewWithEtag(partnering.reject(id, version, body.reason().strip(), name()), Response.ok());
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "A listing's change log", description = "Newest first: who did what, when, and each field before and after.")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(responseCode = "404", description = "No such listing that you may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Change> changes(@PathParam("id") UUID id) {
        Partnering.Partner partner = partner();
        partnering.owned(id, partner, "its change log");
        return partnering.changes(id, partner).stream().map(c -> new Change(c.changedBy(), c.changedAt(), c.action(), c.changes())).toList();
    }

    @GET
    @Path("/{id}/uptake")
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "A service's uptake", description = "From link workers' connections to it: suggested, referrals received, "
            + "attending, completed, declined and dropped out, each with its coded reasons. Its organisation and admin only; no person "
            + "or case is named.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = Uptake.Figures.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such listing that you may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uptake.Figures uptake(@PathParam("id") UUID id) {
        return uptake.of(List.of(partnering.owned(id, partner(), "its uptake").id())).get(0);
    }

    @GET
    @Path("/uptake")
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "Uptake of every service of an organisation", description = "A partner: its own organisation's services. "
            + "Admin: the organisation named by organizationId, or every public service when left out.")
    @APIResponse(responseCode = "200", description = "The figures, by service name")
    @APIResponse(responseCode = "400", description = "A parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Uptake.Figures> uptakes(@QueryParam("organizationId") String organizationId) {
        Partnering.Partner partner = partner();
        java.util.Optional<UUID> organisation = uk.socialprescribing.problem.QueryParameters.uuid("organizationId", organizationId);
        if (!partner.admin() && organisation.isPresent() && !organisation.get().equals(partner.organisationId())) {
            throw new io.quarkus.security.ForbiddenException("A partner reads its own organisation's uptake only");
        }
        List<UUID> ids = partner.admin() && organisation.isEmpty() ? listings.publicIds()
                : partnering.of(partner.admin() ? organisation.get() : partner.organisationId()).stream().map(Listing::id).toList();
        return uptake.of(ids);
    }

    @GET
    @Path("/mine")
    @RolesAllowed("vcse-partner")
    @Operation(summary = "My organisation's listings", description = "Every state: waiting for approval, rejected (with the reason), "
            + "public, stale, withdrawn. stale=true lists those not assured for six months.")
    @APIResponse(responseCode = "200", description = "The listings")
    @APIResponse(responseCode = "400", description = "A parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ListingView> mine(@QueryParam("stale") String stale) {
        boolean onlyStale = uk.socialprescribing.problem.QueryParameters.bool("stale", stale).orElse(false);
        return partnering.of(partner().organisationId()).stream().map(ListingView::of).filter(v -> !onlyStale || v.stale()).toList();
    }

    @GET
    @Path("/stale")
    @RolesAllowed("admin")
    @Operation(summary = "Stale listings", description = "Admin: every public listing not assured for six months, the longest "
            + "unassured first, with its organisation; those unassured for a year are already left out of matching.")
    @APIResponse(responseCode = "200", description = "The listings")
    @APIResponse(responseCode = "403", description = "Not admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ListingView> stale() {
        return listings.unassuredSince(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusMonths(6)).stream().map(ListingView::of).toList();
    }

    @GET
    @Path("/pending")
    @RolesAllowed("admin")
    @Operation(summary = "Listings waiting for approval", description = "Admin's moderation queue, oldest first.")
    @APIResponse(responseCode = "200", description = "The queue")
    @APIResponse(responseCode = "403", description = "Not admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ListingView> pending() {
        return partnering.pending().stream().map(ListingView::of).toList();
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response state(Listing.StateException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "listing-state", e.getMessage()).at(uri.getPath()).toResponse();
    }

    private static Response viewWithEtag(Listing listing, Response.ResponseBuilder response) {
        return response.entity(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    private String name() {
        return identity.getPrincipal().getName();
    }

    /** Anyone may read public listings; a partner also its own, admin all. */
    private Partnering.Partner reader() {
        if (identity.hasRole("admin")) {
            return new Partnering.Partner(true, null);
        }
        return identity.hasRole("vcse-partner") ? partner() : new Partnering.Partner(false, null);
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
            description = "The organisation that runs the service (token claim organisation_id) or admin. One call, If-Match not "
                    + "needed: the latest count wins, as a volunteer at the door expects (give If-Match to make it conditional). Logged in "
                    + "the listing's changes; emits service.capacity-changed, which link workers' matching and connections use.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Capacity.class),
            examples = @ExampleObject(name = "four places", value = "{\"available\": 4}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "400", description = "Not a number of places, or more than the maximum",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the version an If-Match you gave",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response capacity(@PathParam("id") UUID id, @NotNull(message = "a capacity is required") @Valid Capacity body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Listing listing = partnering.capacity(id, optionalVersion(ifMatch), partner(), body.available(), body.maximum(), name());
        return Response.ok(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    @POST
    @Path("/{id}/assure")
    @RolesAllowed({ "vcse-partner", "admin" })
    @Operation(summary = "Confirm the listing is still accurate",
            description = "Assured today. A listing not assured for six months is shown as stale. The organisation that runs "
                    + "the service or admin; one call, If-Match not needed. Logged in the listing's changes.")
    @APIResponse(responseCode = "200", description = "Assured; ETag its version", content = @Content(schema = @Schema(implementation = ListingView.class)))
    @APIResponse(responseCode = "403", description = "Another organisation's service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the version an If-Match you gave",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assure(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Listing listing = partnering.assure(id, optionalVersion(ifMatch), partner(), name());
        return Response.ok(ListingView.of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    /** The version an If-Match asks for, or null (the latest) when none is given. */
    private static Long optionalVersion(String ifMatch) {
        return ifMatch == null ? null : Preconditions.ifMatchVersion(ifMatch);
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
