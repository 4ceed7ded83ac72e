package uk.socialprescribing.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** referral-service through the gateway: the operations and fields this app uses (ApiContractTest checks them). */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(SignedInUser.class)
@RegisterProvider(ApiProblem.Mapper.class)
@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
public interface Referrals {

    /** The most ids one list request takes. */
    int MAX_IDS = 100;

    @GET
    Page<Summary> list(@QueryParam("status") String status, @QueryParam("sort") String sort, @QueryParam("overdue") Boolean overdue,
            @QueryParam("q") String q, @QueryParam("id") List<UUID> ids, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/{id}")
    RestResponse<Referral> read(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/accept")
    Referral accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @HeaderParam("Prefer") String prefer);

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral decline(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Decline decline);

    @POST
    @Path("/{id}/redirect")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral redirect(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Redirect redirect);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(UUID id, String selfReferralReference, String status, String referrerKind, String personName, LocalDate dateOfBirth,
            List<String> reasons, List<String> riskFlags, String urgency, Instant receivedAt, LocalDate triageDueBy, long daysWaiting,
            boolean overdue, boolean possibleDuplicate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Referral(UUID id, String selfReferralReference, String status, Referrer referrer, Person person, String practiceOdsCode,
            List<Reason> reasons, String whatMatters, List<String> riskFlags, String riskNotes, boolean consentToShareOutcome,
            String urgency, Instant receivedAt, LocalDate triageDueBy, long daysWaiting, boolean overdue, Decision decision,
            CaseAllocation caseAllocation, List<UUID> possibleDuplicates) {

        public String name() {
            return person == null ? "" : person.givenName() + " " + person.familyName();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Referrer(String kind, String organisation, String name, String role, String phone, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, Address address, String phone,
            String email, String preferredContactMethod, String language, boolean interpreterNeeded, String accessibilityNeeds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Address(String line1, String line2, String town, String postcode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reason(String code, String display, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decision(String by, Instant at, String reason, String note, String redirectedTo, UUID caseId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseAllocation(UUID caseId, String status, String linkWorker, Long forecastWaitDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Decline(String reason, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Redirect(String to, String reason, String note) {
    }
}
