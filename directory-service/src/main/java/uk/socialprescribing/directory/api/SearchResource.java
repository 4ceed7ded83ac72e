package uk.socialprescribing.directory.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.QueryParameters;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.directory.service.ActivityTerms;
import uk.socialprescribing.directory.service.PostcodePoints;
import uk.socialprescribing.directory.service.Postcodes;
import uk.socialprescribing.directory.service.Search;
import uk.socialprescribing.directory.service.Vocabulary;

@Path("/api/directory")
@Tag(name = "Search")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.REFERRER, Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.VCSE_PARTNER, Roles.COMMISSIONER, Roles.ADMIN })
public class SearchResource {

    static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    static final double DEFAULT_WITHIN_KM = 10;

    @Schema(name = "SearchResults", description = "Where distances are measured from, and a page of the services found")
    public record Results(@Schema(description = "Where distances are measured from, when a place was given") Place from,
            Page<Search.Hit> results) {
    }

    @Schema(name = "SearchPlace")
    public record Place(double latitude, double longitude,
            @Schema(description = "Only the centre of the postcode's district: the reference data holds no point for the whole postcode") boolean approximate) {
    }

    @Schema(name = "Vocabulary")
    public record Vocabularies(@Schema(description = "Access feature codes and their words") Map<String, String> accessibility,
            @Schema(description = "Languages: ISO 639-1 codes, and bfi for British Sign Language") String languages) {
    }

    private final Search search;
    private final PostcodePoints points;
    private final ActivityTerms terms;

    public SearchResource(Search search, PostcodePoints points, ActivityTerms terms) {
        this.search = search;
        this.points = points;
        this.terms = terms;
    }

    @GET
    @Path("/search")
    @Operation(summary = "Search the directory", description = "Full text with ranking and typo tolerance, activity (a parent term takes "
            + "in its children), distance from a postcode or a point, day and time, free only, age, access features (all of them) and "
            + "language. Sorted by relevance when words are given, else by distance when a place is given, else by name. Public "
            + "listings only; stale ones (not confirmed for six months) are marked.")
    @APIResponse(responseCode = "200", description = "A page of results", content = @Content(schema = @Schema(implementation = Results.class)))
    @APIResponse(responseCode = "400", description = "A parameter is not valid, or the postcode cannot be placed; it is named")
    public Results find(@Parameter(description = "Words, as a search engine reads them (\"quoted phrase\", -not)", example = "walking group")
            @QueryParam("q") String q,
            @Parameter(description = "A taxonomy term code", example = "walking") @QueryParam("category") String category,
            @Parameter(description = "Measure distance from this postcode (or district)", example = "HG5 8AH") @QueryParam("postcode") String postcode,
            @Parameter(description = "Or from this point: latitude", example = "54.01") @QueryParam("lat") String lat,
            @Parameter(description = "and longitude", example = "-1.46") @QueryParam("lon") String lon,
            @Parameter(description = "How far, in km, from the place; 10 when left out") @QueryParam("withinKm") String withinKm,
            @Parameter(description = "Meets on this day, MO to SU") @QueryParam("day") String day,
            @Parameter(description = "Starts at or after", example = "09:30") @QueryParam("startTime") String startTime,
            @Parameter(description = "Ends by", example = "13:00") @QueryParam("endTime") String endTime,
            @Parameter(description = "Only services with a free option") @QueryParam("free") String free,
            @Parameter(description = "The person's age, against each service's age range") @QueryParam("age") String age,
            @Parameter(description = "Access feature codes the venue must have (repeat or separate by commas)") @QueryParam("accessibility") List<String> accessibility,
            @Parameter(description = "A language code the service must be run in", example = "pl") @QueryParam("language") String language,
            @Parameter(description = "relevance (default), distance or name") @QueryParam("sort") String sort,
            @BeanParam PageParameters paging, UriInfo uri) {
        QueryParameters query = QueryParameters.read();
        String text = query.text("q", q, 0, 200).filter(t -> !t.isEmpty()).orElse(null);
        String term = query.matching("category", category, "[a-z-]{1,60}", "must be a term of the activity taxonomy (GET /oruk/taxonomy_terms)")
                .orElse(null);
        if (term != null && !terms.isTerm(term)) {
            query.reject("category", "TaxonomyTerm", "must be a term of the activity taxonomy (GET /oruk/taxonomy_terms)");
        }
        boolean hasPostcode = postcode != null && !postcode.isBlank();
        boolean hasPoint = (lat != null && !lat.isBlank()) || (lon != null && !lon.isBlank());
        if (hasPostcode && hasPoint) {
            query.reject("postcode", "OnePlace", "give a postcode or lat and lon, not both");
        }
        Double latitude = query.decimal("lat", lat, -90, 90).orElse(null);
        Double longitude = query.decimal("lon", lon, -180, 180).orElse(null);
        if (hasPoint && (lat == null || lat.isBlank())) {
            query.reject("lat", "Required", "is needed with lon");
        }
        if (hasPoint && (lon == null || lon.isBlank())) {
            query.reject("lon", "Required", "is needed with lat");
        }
        double within = query.decimal("withinKm", withinKm, 0.1, 200).orElse(DEFAULT_WITHIN_KM);
        if (withinKm != null && !withinKm.isBlank() && !hasPostcode && !hasPoint) {
            query.reject("withinKm", "NeedsPlace", "needs a postcode, or lat and lon, to measure from");
        }
        List<String> access = new ArrayList<>();
        for (String given : accessibility == null ? List.<String>of() : accessibility) {
            for (String code : given.split(",")) {
                if (!code.isBlank()) {
                    Vocabulary.accessCode(code).ifPresentOrElse(access::add, () -> query.reject("accessibility", "Code",
                            "must be access feature codes: " + Vocabulary.ACCESS.keySet()));
                }
            }
        }
        String languageCode = query.oneOf("language", language, l -> Vocabulary.language(l.toLowerCase(Locale.ROOT))
                .map(name -> l.toLowerCase(Locale.ROOT)).orElse(null), List.of("an ISO 639-1 code such as pl", "bfi")).orElse(null);
        Search.Sort order = query.oneOf("sort", sort, s -> switch (s) {
            case "relevance" -> Search.Sort.RELEVANCE;
            case "distance" -> Search.Sort.DISTANCE;
            case "name" -> Search.Sort.NAME;
            default -> null;
        }, List.of("relevance", "distance", "name")).orElse(Search.Sort.RELEVANCE);
        if (order == Search.Sort.DISTANCE && !hasPostcode && !hasPoint) {
            query.reject("sort", "NeedsPlace", "distance needs a postcode, or lat and lon, to measure from");
        }
        String onDay = query.oneOf("day", day, d -> DAYS.contains(d.toUpperCase(Locale.ROOT)) ? d.toUpperCase(Locale.ROOT) : null, DAYS).orElse(null);
        var from = query.time("startTime", startTime).orElse(null);
        var to = query.time("endTime", endTime).orElse(null);
        boolean onlyFree = query.bool("free", free).orElse(false);
        Integer years = query.integer("age", age, 0, 130).orElse(null);
        PageRequest page = paging.read(query);
        query.check();
        // the place last: placing a postcode needs the reference data, and its problem names the postcode alone
        Place place = hasPostcode ? Places.of(points, "postcode", postcode)
                : latitude != null && longitude != null ? new Place(latitude, longitude, false) : null;
        Search.Criteria criteria = new Search.Criteria(text, term,
                place == null ? null : new PostcodePoints.Point(place.latitude(), place.longitude(), place.approximate()), within,
                onDay, from, to, onlyFree, years, access, languageCode,
                text == null && order == Search.Sort.RELEVANCE ? (place == null ? Search.Sort.NAME : Search.Sort.DISTANCE) : order);
        return new Results(place, Page.of(search.find(criteria, page), page, uri));
    }

    @GET
    @Path("/vocabulary")
    @Operation(summary = "The codes listings state access features and languages in",
            description = "The access feature codes with their words, and how languages are coded (ISO 639-1, bfi for British Sign Language): what search filters and partners' listings use.")
    @APIResponse(responseCode = "200", description = "The codes", content = @Content(schema = @Schema(implementation = Vocabularies.class)))
    public Vocabularies vocabulary() {
        return new Vocabularies(Vocabulary.ACCESS, "ISO 639-1 two-letter codes (en, pl, ur, ...), and bfi for British Sign Language");
    }

    /** A postcode as a place, or a problem naming the field it came in. */
    static final class Places {

        private Places() {
        }

        static Place of(PostcodePoints points, String field, String postcode) {
            String given = postcode.strip();
            if (!given.matches(Postcodes.FULL_OR_DISTRICT)) {
                throw new ProblemException(Problem.invalidField(field, "Postcode", "must be a UK postcode or its district, e.g. HG5 8AH or HG5"));
            }
            PostcodePoints.Point point = points.require(field, given);
            return new Place(point.latitude(), point.longitude(), point.approximate());
        }
    }
}
