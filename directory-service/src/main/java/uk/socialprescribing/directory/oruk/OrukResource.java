package uk.socialprescribing.directory.oruk;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.directory.config.DirectoryConfig;
import uk.socialprescribing.directory.oruk.OrukModel.ApiDetails;
import uk.socialprescribing.directory.oruk.OrukModel.Organization;
import uk.socialprescribing.directory.oruk.OrukModel.Page;
import uk.socialprescribing.directory.oruk.OrukModel.Service;
import uk.socialprescribing.directory.oruk.OrukModel.ServiceAtLocation;
import uk.socialprescribing.directory.oruk.OrukModel.Taxonomy;
import uk.socialprescribing.directory.oruk.OrukModel.TaxonomyTerm;
import uk.socialprescribing.directory.service.PostcodePoints;
import uk.socialprescribing.directory.service.Postcodes;

/**
 * The public Open Referral UK 3.0 read API: no token, {@code Access-Control-Allow-Origin: *} (see {@link OrukCors}),
 * the standard's names, pages and filters. Bad parameters and unknown ids are problem details like everywhere else.
 */
@Path("/oruk")
@Tag(name = "Open Referral UK")
@Produces(MediaType.APPLICATION_JSON)
public class OrukResource {

    static final String PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";
    static final Set<String> DAYS = Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private final OrukReads reads;
    private final PostcodePoints points;
    private final String publicBaseUrl;

    public OrukResource(OrukReads reads, PostcodePoints points, DirectoryConfig config) {
        this.reads = reads;
        this.points = points;
        this.publicBaseUrl = config.publicBaseUrl();
    }

    @GET
    @Path("/")
    @Operation(summary = "About this feed", description = "The HSDS profile and version it implements, and where its OpenAPI document is.")
    public ApiDetails details() {
        return new ApiDetails("HSDS-UK-3.0", PROFILE, publicBaseUrl + "/oruk/openapi.json");
    }

    @GET
    @Path("/openapi.json")
    @Operation(summary = "The Open Referral UK 3.0 API specification this feed implements",
            description = "The ORUK 3.0 OpenAPI document, as published by Open Referral UK (CC BY-SA 4.0), which the validator checks this feed against.")
    public Response openapi() {
        return Response.ok(OrukResource.class.getResourceAsStream("/oruk/openapi.json"), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/services")
    @Operation(summary = "Services, paged, with the ORUK filters", description = "search is full text with typo tolerance, most relevant first.")
    public Page<Service> services(@QueryParam("search") String search, @QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("taxonomy_term_id") String taxonomyTermId, @QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("organization_id") String organizationId, @QueryParam("minimum_age") String minimumAge,
            @QueryParam("maximum_age") String maximumAge, @QueryParam("day") String day, @QueryParam("start_time") String startTime,
            @QueryParam("end_time") String endTime, @QueryParam("modified_after") String modifiedAfter) {
        QueryParameters query = QueryParameters.read();
        OrukReads.ServiceFilter filter = filter(query, search, taxonomyTermId, taxonomyId, organizationId, minimumAge, maximumAge, day,
                startTime, endTime, modifiedAfter);
        int number = pageNumber(query, page);
        int size = perPage(query, perPage);
        query.check();
        return reads.services(filter, number, size);
    }

    private static OrukReads.ServiceFilter filter(QueryParameters query, String search, String taxonomyTermId, String taxonomyId,
            String organizationId, String minimumAge, String maximumAge, String day, String startTime, String endTime, String modifiedAfter) {
        return new OrukReads.ServiceFilter(query.text("search", search, 0, 200).filter(t -> !t.isEmpty()).orElse(null),
                query.uuid("taxonomy_term_id", taxonomyTermId).orElse(null), query.uuid("taxonomy_id", taxonomyId).orElse(null),
                query.uuid("organization_id", organizationId).orElse(null), query.integer("minimum_age", minimumAge, 0, 130).orElse(null),
                query.integer("maximum_age", maximumAge, 0, 130).orElse(null),
                query.oneOf("day", day, d -> DAYS.contains(d.toUpperCase(Locale.ROOT)) ? d.toUpperCase(Locale.ROOT) : null,
                        List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU")).orElse(null),
                query.time("start_time", startTime).orElse(null), query.time("end_time", endTime).orElse(null),
                query.instant("modified_after", modifiedAfter).orElse(null));
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "A service in full: schedules, locations, costs, taxonomy terms and live capacity",
            description = "As ORUK 3.0 describes a full service: its organization, schedules, service at locations with addresses, points and accessibility, cost options, taxonomy terms, languages, contacts, and HSDS 3.2's service_capacity. Public listings only; 404 otherwise.")
    public Service service(@PathParam("id") String id) {
        return reads.service(id("id", id)).orElseThrow(() -> notFound("service", id));
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "The taxonomies the directory classifies services by",
            description = "Paged. The directory classifies every service by the social-prescribing activity taxonomy it ships.")
    public Page<Taxonomy> taxonomies(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        QueryParameters query = QueryParameters.read();
        int number = pageNumber(query, page);
        int size = perPage(query, perPage);
        query.check();
        return slice(reads.taxonomies(), number, size);
    }

    @GET
    @Path("/taxonomies/{id}")
    @Operation(summary = "A taxonomy",
            description = "One taxonomy by its id; 404 when there is none.")
    public Taxonomy taxonomy(@PathParam("id") String id) {
        UUID wanted = id("id", id);
        return reads.taxonomies().stream().filter(t -> t.id().equals(wanted)).findFirst().orElseThrow(() -> notFound("taxonomy", id));
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "Taxonomy terms, narrowed to a taxonomy, a parent, or the top level",
            description = "Paged, by name. Each term's code (term) is what partners and link workers use; a parent term (peer support) takes in its children (men's sheds) in filters.")
    public Page<TaxonomyTerm> taxonomyTerms(@QueryParam("taxonomy_id") String taxonomyId, @QueryParam("parent_id") String parentId,
            @QueryParam("top_only") String topOnly, @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        QueryParameters query = QueryParameters.read();
        query.uuid("taxonomy_id", taxonomyId).ifPresent(t -> {
            where.append(" and t.taxonomy_id = :taxonomy");
            parameters.put("taxonomy", t);
        });
        query.uuid("parent_id", parentId).ifPresent(p -> {
            where.append(" and t.parent_id = :parent");
            parameters.put("parent", p);
        });
        if (query.bool("top_only", topOnly).orElse(false)) {
            where.append(" and t.parent_id is null");
        }
        int number = pageNumber(query, page);
        int size = perPage(query, perPage);
        query.check();
        return slice(reads.terms(where.toString(), parameters), number, size);
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Operation(summary = "A taxonomy term",
            description = "One term by its id; 404 when there is none.")
    public TaxonomyTerm taxonomyTerm(@PathParam("id") String id) {
        return reads.terms(" where t.id = :id", Map.<String, Object>of("id", id("id", id))).stream().findFirst().orElseThrow(() -> notFound("taxonomy term", id));
    }

    @GET
    @Path("/service_at_locations")
    @Operation(summary = "Services at their locations, paged, with the services' filters; by postcode, or by distance",
            description = "postcode alone matches a whole postcode or its start (\"HG1\"); with proximity (metres) it keeps the locations "
                    + "within that distance of the postcode's centre, nearest first. lat and lon (with proximity, 10 km when left out) do the "
                    + "same from a point. A postcode the directory's reference data cannot place is a 400 naming it.")
    public Page<ServiceAtLocation> servicesAtLocations(@QueryParam("search") String search, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @QueryParam("taxonomy_id") String taxonomyId, @QueryParam("organization_id") String organizationId,
            @QueryParam("minimum_age") String minimumAge, @QueryParam("maximum_age") String maximumAge, @QueryParam("day") String day,
            @QueryParam("start_time") String startTime, @QueryParam("end_time") String endTime, @QueryParam("modified_after") String modifiedAfter,
            @QueryParam("postcode") String postcode, @QueryParam("proximity") String proximity,
            @QueryParam("lat") String lat, @QueryParam("lon") String lon) {
        QueryParameters query = QueryParameters.read();
        OrukReads.ServiceFilter filter = filter(query, search, taxonomyTermId, taxonomyId, organizationId, minimumAge, maximumAge, day,
                startTime, endTime, modifiedAfter);
        String normalised = postcode == null || postcode.isBlank() ? null : postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        if (normalised != null && !normalised.matches(Postcodes.FULL_OR_DISTRICT)) {
            query.reject("postcode", "Postcode", "must be a UK postcode or its district, e.g. HG1 2AB or HG1");
        }
        Optional<Double> metres = query.decimal("proximity", proximity, 1, 200_000);
        boolean point = (lat != null && !lat.isBlank()) || (lon != null && !lon.isBlank());
        if (point && normalised != null) {
            query.reject("postcode", "OnePlace", "give a postcode or lat and lon, not both");
        }
        Optional<Double> latitude = query.decimal("lat", lat, -90, 90);
        Optional<Double> longitude = query.decimal("lon", lon, -180, 180);
        if (point && (lat == null || lat.isBlank())) {
            query.reject("lat", "Required", "is needed with lon");
        }
        if (point && (lon == null || lon.isBlank())) {
            query.reject("lon", "Required", "is needed with lat");
        }
        if (!point && metres.isPresent() && normalised == null) {
            query.reject("proximity", "NeedsPlace", "needs a postcode, or lat and lon, to measure from");
        }
        int number = pageNumber(query, page);
        int size = perPage(query, perPage);
        query.check();
        OrukReads.Near near = null;
        if (point) {
            near = new OrukReads.Near(new PostcodePoints.Point(latitude.orElseThrow(), longitude.orElseThrow(), false),
                    metres.orElse(DEFAULT_PROXIMITY_METRES) / 1000);
        } else if (metres.isPresent()) {
            PostcodePoints.Point centre = points.require("postcode", postcode);
            near = new OrukReads.Near(centre, metres.get() / 1000);
            normalised = null;
        }
        return reads.servicesAtLocations(filter, normalised, near, number, size);
    }

    static final double DEFAULT_PROXIMITY_METRES = 10_000;

    @GET
    @Path("/service_at_locations/{id}")
    @Operation(summary = "A service at a location",
            description = "A public service at one of its locations, with the location's address, point and accessibility; 404 otherwise.")
    public ServiceAtLocation serviceAtLocation(@PathParam("id") String id) {
        return reads.serviceAtLocation(id("id", id)).orElseThrow(() -> notFound("service at location", id));
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "The organisations that run services, paged",
            description = "By name. An organisation that gave no description is described by its name, as ORUK requires one.")
    public Page<Organization> organizations(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        QueryParameters query = QueryParameters.read();
        int number = pageNumber(query, page);
        int size = perPage(query, perPage);
        query.check();
        return reads.organizations(number, size);
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "An organisation",
            description = "One organisation by its id; 404 when there is none.")
    public Organization organization(@PathParam("id") String id) {
        return reads.organization(id("id", id)).orElseThrow(() -> notFound("organization", id));
    }

    /** ORUK's own paging: page from 1, per_page as the standard names it (our lists say size). */
    private static int pageNumber(QueryParameters query, String page) {
        return query.integer("page", page, 1, 1, PageRequest.MAX_PAGE);
    }

    private static int perPage(QueryParameters query, String perPage) {
        return query.integer("per_page", perPage, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE);
    }

    /** A blank id names nothing: 404, as any other unknown id; one that is not a UUID is a 400 naming it. */
    private static UUID id(String name, String value) {
        QueryParameters query = QueryParameters.read();
        Optional<UUID> id = query.uuid(name, value);
        query.check();
        return id.orElseThrow(() -> notFound("such item", value));
    }

    private static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No " + what + " " + id + " in this directory"));
    }

    private static <T> Page<T> slice(List<T> all, int page, int perPage) {
        int from = Math.min(all.size(), (page - 1) * perPage);
        return Page.of(all.subList(from, Math.min(all.size(), from + perPage)), all.size(), page, perPage);
    }
}
