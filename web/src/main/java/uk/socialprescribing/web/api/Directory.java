package uk.socialprescribing.web.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** directory-service through the gateway: the operations and fields this app uses (WebApiContractTest checks them). */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(SignedInUser.class)
@RegisterProvider(ApiProblem.Mapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface Directory {

    @GET
    @Path("/api/directory/search")
    Results search(@QueryParam("q") String q, @QueryParam("category") String category, @QueryParam("postcode") String postcode,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/api/directory/match")
    @Consumes(MediaType.APPLICATION_JSON)
    Matches match(MatchRequest request);

    /** The activity categories (Open Referral UK's own page format). */
    @GET
    @Path("/oruk/taxonomy_terms")
    Terms terms(@QueryParam("per_page") Integer perPage);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(Page<Hit> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(UUID id, String name, String organisation, String category, String description, String venue, String town, Double distanceKm,
            String schedule, String cost, Integer placesAvailable, boolean full, boolean stale) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MatchRequest(List<String> interests, String postcode, Integer limit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Matches(List<Match> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Match(UUID serviceId, String name, String category, Double distanceKm, List<String> reasons, boolean full, boolean stale,
            Integer placesAvailable) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Terms(@JsonProperty("total_items") long totalItems, List<Term> contents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Term(String code, String name) {
    }
}
