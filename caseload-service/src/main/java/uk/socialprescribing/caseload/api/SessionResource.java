package uk.socialprescribing.caseload.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.socialprescribing.caseload.domain.Session;
import uk.socialprescribing.caseload.service.Sessions;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.idempotency.Idempotency;

@Path("/api/caseload/cases/{id}/sessions")
@Tag(name = "Sessions")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
public class SessionResource {

    @Schema(name = "NewSession")
    public record NewSession(@NotNull @Schema(required = true, example = "initial-conversation") Session.Kind kind,
            @NotNull @Schema(required = true, example = "face-to-face") Session.Mode mode,
            @NotNull @Schema(required = true, example = "2026-12-01T10:00:00Z") Instant scheduledFor,
            @NotNull @Min(5) @Max(480) @Schema(required = true, example = "60") Integer durationMinutes) {
    }

    @Schema(name = "SessionRecord")
    public record Record(@NotNull @Schema(required = true, example = "attended") Session.Outcome outcome,
            @Min(5) @Max(480) @Schema(description = "How long it took, if not as planned", example = "75") Integer durationMinutes,
            @Size(max = 4000) @Schema(description = "Seen by the case's link worker and their lead only") String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Session")
    public record SessionView(UUID id, Session.Kind kind, Session.Mode mode, Instant scheduledFor, int durationMinutes,
            @Schema(description = "Absent until recorded") Session.Outcome outcome, Instant recordedAt, String recordedBy,
            @Schema(description = "Only for the case's link worker and their lead") String notes,
            @Schema(description = "The session's version, as its ETag: what If-Match sends to record it", example = "\"0\"") String etag) {

        static SessionView of(Sessions.Seen seen) {
            Session s = seen.session();
            return new SessionView(s.id(), s.kind(), s.mode(), s.scheduledFor(), s.durationMinutes(), s.outcome(),
                    s.recordedAt(), s.recordedBy(), seen.notesVisible() ? s.notes() : null, Preconditions.etag(s.version()));
        }
    }

    private final Sessions sessions;
    private final Caller caller;

    private final Idempotency idempotency;

    public SessionResource(Sessions sessions, Caller caller, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The case's sessions", description = "In time order; notes only for the case's link worker and a lead of its PCN.")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    public List<SessionView> list(@PathParam("id") UUID caseId) {
        return sessions.of(caseId, caller.viewer()).stream().map(SessionView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Schedule a session", description = "The case's link worker, or a lead of its PCN. A session may be in the past "
            + "(one held and written up later) but not before the referral was received (400, rule NotBeforeReferral).")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewSession.class), examples = @ExampleObject(name = "first conversation",
            value = "{\"kind\": \"initial-conversation\", \"mode\": \"home-visit\", \"scheduledFor\": \"2026-12-01T10:00:00Z\", \"durationMinutes\": 60}")))
    @APIResponse(responseCode = "201", description = "Scheduled; ETag its version", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    @APIResponse(responseCode = "409", description = "The case is closed")
    public Response schedule(@PathParam("id") UUID caseId, @NotNull(message = "a session is required") @Valid NewSession body, UriInfo uri,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.name(), key, List.of("schedule", caseId, body), () -> {
            Session s = sessions.schedule(caseId, caller.viewer(), body.kind(), body.mode(), body.scheduledFor(), body.durationMinutes());
            URI location = uri.getBaseUriBuilder().path("api/caseload/cases").path(caseId.toString()).path("sessions").path(s.id().toString()).build();
            return Response.created(location).entity(SessionView.of(new Sessions.Seen(s, true)))
                    .header(HttpHeaders.ETAG, Preconditions.etag(s.version())).build();
        });
    }

    @POST
    @Path("/{sessionId}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Record what happened at a session",
            description = "Once per session; needs If-Match. attended emits session.completed (the first is first contact), "
                    + "did-not-attend emits session.missed (two in a row flag the case). attended and did-not-attend only from the "
                    + "session's time, less 10 minutes (409, rule NotBeforeScheduledTime); cancelled at any time.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Record.class), examples = @ExampleObject(name = "attended",
            value = "{\"outcome\": \"attended\", \"notes\": \"Talked about walking; keen to try the Valley Gardens group\"}")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid")
    @APIResponse(responseCode = "404", description = "No such case or session")
    @APIResponse(responseCode = "409", description = "Recorded already, not yet held, or the case is closed")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response record(@PathParam("id") UUID caseId, @PathParam("sessionId") UUID sessionId,
            @NotNull(message = "an outcome is required") @Valid Record body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return idempotency.once(caller.name(), key, List.of("record", caseId, sessionId, version, body), () -> {
            Session s = sessions.record(caseId, sessionId, version, caller.viewer(), caller.name(), body.outcome(),
                    body.durationMinutes(), body.notes() == null || body.notes().isBlank() ? null : body.notes().strip());
            return Response.ok(SessionView.of(new Sessions.Seen(s, true))).header(HttpHeaders.ETAG, Preconditions.etag(s.version())).build();
        });
    }
}
