package uk.socialprescribing.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** caseload-service through the gateway: the operations and fields this app uses (ApiContractTest checks them). */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(SignedInUser.class)
@RegisterProvider(ApiProblem.Mapper.class)
@Path("/api/caseload")
@Produces(MediaType.APPLICATION_JSON)
public interface Caseload {

    @GET
    @Path("/me/caseload")
    MyCaseload mine(@QueryParam("flag") String flag, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/cases")
    Page<Case> cases(@QueryParam("referralId") UUID referralId);

    @GET
    @Path("/cases/{id}")
    RestResponse<Case> read(@PathParam("id") UUID id);

    @POST
    @Path("/cases/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<Case> close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Close close);

    @GET
    @Path("/cases/{id}/sessions")
    List<Session> sessions(@PathParam("id") UUID id);

    @POST
    @Path("/cases/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    Session schedule(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String once, NewSession session);

    @POST
    @Path("/cases/{id}/sessions/{sessionId}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    Session record(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId, @HeaderParam("If-Match") String ifMatch,
            SessionRecord record);

    @GET
    @Path("/cases/{id}/plan")
    RestResponse<Plan> plan(@PathParam("id") UUID id);

    @PUT
    @Path("/cases/{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    Plan revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, PlanDraft draft);

    @GET
    @Path("/cases/{id}/plan/versions")
    List<PlanVersionSummary> planVersions(@PathParam("id") UUID id);

    @GET
    @Path("/cases/{id}/plan/versions/{version}")
    Plan planVersion(@PathParam("id") UUID id, @PathParam("version") int version);

    @GET
    @Path("/cases/{id}/connections")
    List<Connection> connections(@PathParam("id") UUID id);

    @POST
    @Path("/cases/{id}/connections")
    @Consumes(MediaType.APPLICATION_JSON)
    Connection connect(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String once, NewConnection connection);

    @POST
    @Path("/cases/{id}/connections/{connectionId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    Connection move(@PathParam("id") UUID id, @PathParam("connectionId") UUID connectionId, @HeaderParam("If-Match") String ifMatch,
            ConnectionMove move);

    @GET
    @Path("/team")
    Team team();

    @POST
    @Path("/cases/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<Case> assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Reassign reassign);

    @GET
    @Path("/link-workers/{id}")
    RestResponse<LinkWorker> linkWorker(@PathParam("id") UUID id);

    @PUT
    @Path("/link-workers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<LinkWorker> changeLinkWorker(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, LinkWorkerDetails details);

    record Reassign(UUID linkWorkerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinkWorker(UUID id, String username, String displayName, String pcnCode, List<String> practices, List<String> languages,
            List<String> workingDays, int activeCaseCap, int yearlyCap, boolean lead, long activeCases, long takenOnThisYear,
            int spareCapacity) {
    }

    /** A link worker as a lead describes them: every field, as PUT replaces them all. */
    record LinkWorkerDetails(String username, String displayName, String pcnCode, List<String> practices, List<String> languages,
            List<String> workingDays, Integer activeCaseCap, Integer yearlyCap, Boolean lead) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MyCaseload(UUID linkWorkerId, String displayName, long activeCases, int activeCaseCap, long takenOnThisYear, int yearlyCap,
            Map<String, Long> flagged, Page<Case> cases) {

        /** Places left under the active-case cap. */
        public long room() {
            return Math.max(0, activeCaseCap - activeCases);
        }

        public long flaggedWith(String flag) {
            return flagged == null ? 0 : flagged.getOrDefault(flag, 0L);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Case(UUID id, UUID referralId, String pcnCode, String status, String urgency, String allocation, UUID linkWorkerId,
            Instant openedAt, Instant closedAt, String closureReason, int sessionsAttended, Instant firstContactAt,
            Instant firstContactDueBy, Instant lastContactAt, Instant nextSessionAt, int unrecordedSessions, int planVersion,
            Integer plannedSessions, List<String> flags) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Close(String reason, String summary, String nextSteps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(UUID id, String kind, String mode, Instant scheduledFor, int durationMinutes, String outcome, Instant recordedAt,
            String notes, String etag) {
    }

    record NewSession(String kind, String mode, Instant scheduledFor, Integer durationMinutes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionRecord(String outcome, Integer durationMinutes, String notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Plan(int version, String whatMatters, int plannedSessions, List<Goal> goals, List<Action> actions, String changeSummary,
            String createdBy, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Goal(String id, String description, String progress, LocalDate targetDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(String description, String owner, LocalDate dueBy, boolean done) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanDraft(String whatMatters, Integer plannedSessions, List<Goal> goals, List<Action> actions, String changeSummary) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanVersionSummary(int version, Instant createdAt, String createdBy, String changeSummary, int goals, int goalsAchieved) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Connection(UUID id, UUID serviceId, String serviceName, String category, String status, String reason, String note,
            Instant updatedAt, Integer placesAvailable, Instant serviceWithdrawnAt, String etag) {

        /** Where it can go next, in the order of the journey. */
        public List<String> next() {
            return switch (status == null ? "" : status) {
                case "suggested" -> List.of("referred", "declined");
                case "referred" -> List.of("attending", "declined");
                case "attending" -> List.of("completed", "dropped-out");
                default -> List.of();
            };
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewConnection(UUID serviceId, String category, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConnectionMove(String status, String reason, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Team(String pcnCode, List<WorkerLoad> linkWorkers, WaitingList waitingList) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkerLoad(UUID linkWorkerId, String username, String displayName, boolean lead, long activeCases, int activeCaseCap,
            long takenOnThisYear, int yearlyCap, int spare, Map<String, Long> flagged) {

        public boolean full() {
            return spare <= 0;
        }

        public long flaggedWith(String flag) {
            return flagged == null ? 0 : flagged.getOrDefault(flag, 0L);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WaitingList(int length, int urgent, Long longestWaitDays, Long forecastWaitDays, List<WaitingEntry> cases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WaitingEntry(int position, UUID caseId, UUID referralId, String urgency, Instant waitingSince, long daysWaiting) {
    }
}
