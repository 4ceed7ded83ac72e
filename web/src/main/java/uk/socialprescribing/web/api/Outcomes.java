package uk.socialprescribing.web.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** outcomes-service through the gateway: a case's outcome measures (WebApiContractTest checks the operations and fields). */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(SignedInUser.class)
@RegisterProvider(ApiProblem.Mapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface Outcomes {

    @POST
    @Path("/api/outcomes/measurements")
    @Consumes(MediaType.APPLICATION_JSON)
    Measurement record(@HeaderParam("Idempotency-Key") String once, Recording questionnaire);

    @GET
    @Path("/api/outcomes/cases/{caseId}/measurements")
    CaseMeasures measures(@PathParam("caseId") UUID caseId);

    /** One completed questionnaire: item ids and scores, never the wording. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recording(UUID caseId, String instrument, String timepoint, Map<String, Integer> answers, LocalDate completedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Measurement(UUID id, String instrument, String timepoint, LocalDate completedOn, BigDecimal score, Integer raw,
            Map<String, Integer> items, Map<String, String> bands, String recordedBy, Instant recordedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String measure, BigDecimal baseline, BigDecimal latest, BigDecimal change, boolean improved, String rule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Target(String measure, BigDecimal baseline, BigDecimal improvedAt, boolean higherIsBetter, String rule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseMeasures(UUID caseId, List<Measurement> measurements, List<Change> changes, List<Target> targets) {
    }
}
