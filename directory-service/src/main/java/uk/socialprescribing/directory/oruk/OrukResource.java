package uk.socialprescribing.directory.oruk;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.directory.oruk.OrukModel.ApiDetails;
import uk.socialprescribing.directory.service.Postcodes;
import uk.socialprescribing.directory.oruk.OrukModel.Organization;
import uk.socialprescribing.directory.oruk.OrukModel.Page;
import uk.socialprescribing.directory.oruk.OrukModel.Service;
import uk.socialprescribing.directory.oruk.OrukModel.ServiceAtLocation;
import uk.socialprescribing.directory.oruk.OrukModel.Taxonomy;
import uk.socialprescribing.directory.oruk.OrukModel.TaxonomyTerm;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.problem.QueryParameters;

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
    private final String publicBaseUrl;

    public OrukResource(OrukReads reads, @ConfigProperty(name = "directory.public-base-url", defaultValue = "http://127.0.0.1:8080") String publicBaseUrl) {
        this.reads = reads;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GET
    @Path("/")
    @Operation(summary = "About this feed", description = "The HSDS profile and version it implements, and where its OpenAPI document is.")
    public ApiDetails details() {
        return new ApiDetails("HSDS-UK-3.0", PROFILE, publicBaseUrl + "/oruk/openapi.json");
    }

    @GET
    @Path("/openapi.json")
    @Operation(summary = "The Open Referral UK 3.0 API specification this feed implements")
    public Response openapi() {
        return Response.ok(OrukResource.class.getResourceAsStream("/oruk/openapi.json"), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/services")
    @Operation(summary = "Services, paged, with the ORUK filters")
    public Page<Service> services(@QueryParam("search") String search, @QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("taxonomy_term_id") String taxonomyTermId, @QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("organization_id") String organizationId, @QueryParam("minimum_age") String minimumAge,
            @QueryParam("maximum_age") String maximumAge, @QueryParam("day") String day, @QueryParam("start_time") String startTime,
            @QueryParam("end_time") String endTime, @QueryParam("modified_after") String modifiedAfter) {
        OrukReads.ServiceFilter filter = new OrukReads.ServiceFilter(search == null || search.isBlank() ? null : search.strip(),
                QueryParameters.uuid("taxonomy_term_id", taxonomyTermId).orElse(null), QueryParameters.uuid("taxonomy_id", taxonomyId).orElse(null),
                QueryParameters.uuid("organization_id", organizationId).orElse(null), age("minimum_age", minimumAge), age("maximum_age", maximumAge),
                QueryParameters.oneOf("day", day, d -> DAYS.contains(d.toUpperCase(Locale.ROOT)) ? d.toUpperCase(Locale.ROOT) : null,
                        List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU")).orElse(null),
                time("start_time", startTime), time("end_time", endTime),
                QueryParameters.instant("modified_after", modifiedAfter).orElse(null));
        return reads.services(filter, pageNumber(page), perPage(perPage));
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "A service in full: schedules, locations, costs, taxonomy terms and live capacity")
    public Service service(@PathParam("id") String id) {
        return reads.service(id("id", id)).orElseThrow(() -> notFound("service", id));
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "The taxonomies the directory classifies services by")
    public Page<Taxonomy> taxonomies(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        List<Taxonomy> all = reads.taxonomies();
        return slice(all, pageNumber(page), perPage(perPage));
    }

    @GET
    @Path("/taxonomies/{id}")
    @Operation(summary = "A taxonomy")
    public Taxonomy taxonomy(@PathParam("id") String id) {
        UUID wanted = id("id", id);
        return reads.taxonomies().stream().filter(t -> t.id().equals(wanted)).findFirst().orElseThrow(() -> notFound("taxonomy", id));
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "Taxonomy terms, narrowed to a taxonomy, a parent, or the top level")
    public Page<TaxonomyTerm> taxonomyTerms(@QueryParam("taxonomy_id") String taxonomyId, @QueryParam("parent_id") String parentId,
            @QueryParam("top_only") String topOnly, @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new java.util.HashMap<>();
        QueryParameters.uuid("taxonomy_id", taxonomyId).ifPresent(t -> {
            where.append(" and t.taxonomy_id = :taxonomy");
            parameters.put("taxonomy", t);
        });
        QueryParameters.uuid("parent_id", parentId).ifPresent(p -> {
            where.append(" and t.parent_id = :parent");
            parameters.put("parent", p);
        });
        if (QueryParameters.bool("top_only", topOnly).orElse(false)) {
            where.append(" and t.parent_id is null");
        }
        return slice(reads.terms(where.toString(), parameters), pageNumber(page), perPage(perPage));
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Operation(summary = "A taxonomy term")
    public TaxonomyTerm taxonomyTerm(@PathParam("id") String id) {
        return reads.terms(" where t.id = :id", Map.<String, Object>of("id", id("id", id))).stream().findFirst().orElseThrow(() -> notFound("taxonomy term", id));
    }

    @GET
    @Path("/service_at_locations")
    @Operation(summary = "Services at their locations, paged; narrowed to a postcode or its district",
            description = "postcode matches a whole postcode or its start (\"HG1\"). Distance (proximity, lat/lon) is not offered yet.")
    public Page<ServiceAtLocation> servicesAtLocations(@QueryParam("postcode") String postcode, @QueryParam("proximity") String proximity,
            @QueryParam("lat") String lat, @QueryParam("lon") String lon, @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        String distance = proximity != null ? "proximity" : lat != null ? "lat" : lon != null ? "lon" : null;
        if (distance != null) {
            throw new ProblemException(Problem.invalidField(distance, "NotSupported",
                    "is not offered yet: the directory has no coordinates for its locations; narrow by postcode instead"));
        }
        String normalised = postcode == null || postcode.isBlank() ? null : postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        if (normalised != null && !normalised.matches(Postcodes.FULL_OR_DISTRICT)) {
            throw new ProblemException(Problem.invalidField("postcode", "Postcode", "must be a UK postcode or its district, e.g. HG1 2AB or HG1"));
        }
        return reads.servicesAtLocations(normalised, pageNumber(page), perPage(perPage));
    }

    @GET
    @Path("/service_at_locations/{id}")
    @Operation(summary = "A service at a location")
    public ServiceAtLocation serviceAtLocation(@PathParam("id") String id) {
        return reads.serviceAtLocation(id("id", id)).orElseThrow(() -> notFound("service at location", id));
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "The organisations that run services, paged")
    public Page<Organization> organizations(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        return reads.organizations(pageNumber(page), perPage(perPage));
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "An organisation")
    public Organization organization(@PathParam("id") String id) {
        return reads.organization(id("id", id)).orElseThrow(() -> notFound("organization", id));
    }

    private static int pageNumber(String page) {
        return QueryParameters.integer("page", page, 1, 1, 100_000);
    }

    private static int perPage(String perPage) {
        return QueryParameters.integer("per_page", perPage, 50, 1, 200);
    }

    private static Integer age(String name, String value) {
        return value == null || value.isBlank() ? null : QueryParameters.integer(name, value, 0, 0, 130);
    }

    private static LocalTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalidField(name, "Time", "must be a time such as 09:30 or 09:30:00"));
        }
    }

    private static UUID id(String name, String value) {
        return QueryParameters.uuid(name, value).orElseThrow();
    }

    private static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No " + what + " " + id + " in this directory"));
    }

    private static <T> Page<T> slice(List<T> all, int page, int perPage) {
        int from = Math.min(all.size(), (page - 1) * perPage);
        return Page.of(all.subList(from, Math.min(all.size(), from + perPage)), all.size(), page, perPage);
    }
}
