package uk.socialprescribing.caseload.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.ListedService;
import uk.socialprescribing.caseload.service.Connections;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.idempotency.Idempotency;

@Path("/api/caseload/cases/{id}/connections")
@Tag(name = "Connections")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD, Roles.ADMIN })
public class ConnectionResource {

    static final String REASONS = "no-space, nothing-suitable-nearby, person-declined, not-eligible, cost, travel-or-access, timing, "
            + "service-withdrawn, other (with a note)";

    @Schema(name = "NewConnection")
    public record NewConnection(@NotNull @Schema(required = true, description = "The service's id in the directory") UUID serviceId,
            @Size(max = 60) @Schema(description = "The activity category it is for; the service's first when left out", example = "walking") String category,
            @Schema(description = "Where it starts: suggested (default), referred, attending, or declined with a reason",
                    enumeration = { "suggested", "referred", "attending", "declined" }) Connection.Status status,
            @Schema(description = "Only with declined: " + REASONS) Connection.Reason reason,
            @Size(max = 1000) @Schema(description = "Seen by the case's link worker and their lead only") String note,
            @Schema(description = "With referred: the provider is given the person's name and contact details. Only while the person's "
                    + "consent to share them with a provider holds (the referral's consents); otherwise 409, and the link worker "
                    + "introduces the person themself", defaultValue = "false") Boolean shareContactDetails) {
    }

    @Schema(name = "ConnectionMove")
    public record Move(@NotNull @Schema(required = true, description = "suggested → referred → attending → completed; "
            + "declined before attending, dropped-out after, each with a reason", example = "attending") Connection.Status status,
            @Schema(description = "Required with declined and dropped-out: " + REASONS) Connection.Reason reason,
            @Size(max = 1000) String note,
            @Schema(description = "With referred: the provider is given the person's name and contact details, only while the person's "
                    + "consent to that holds (else 409)", defaultValue = "false") Boolean shareContactDetails) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Connection")
    public record ConnectionView(UUID id, UUID serviceId, @Schema(description = "As the directory named it when the connection was made") String serviceName,
            @Schema(example = "walking") String category, Connection.Status status, Connection.Reason reason,
            @Schema(description = "Only for the case's link worker and their lead") String note, String madeBy, Instant madeAt,
            Instant updatedAt, @Schema(description = "The directory's live capacity as last heard; absent when unknown") Integer placesAvailable,
            @Schema(description = "Set when the directory has withdrawn the service") Instant serviceWithdrawnAt,
            @Schema(description = "The provider was given the person's contact details with the referral") boolean contactShared,
            @Schema(description = "The connection's version, as its ETag: what If-Match sends to move it on", example = "\"0\"") String etag) {

        static ConnectionView of(Connections.Seen seen) {
            Connection c = seen.connection();
            ListedService s = seen.service();
            return new ConnectionView(c.id(), c.serviceId(), c.serviceName(), c.category(), c.status(), c.reason(),
                    seen.noteVisible() ? c.note() : null, c.madeBy(), c.madeAt(), c.updatedAt(), s == null ? null : s.available(),
                    s == null ? null : s.withdrawnAt(), c.contactShared(), Preconditions.etag(c.version()));
        }
    }

    private final Connections connections;
    private final Caller caller;

    private final Idempotency idempotency;

    public ConnectionResource(Connections connections, Caller caller, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.connections = connections;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The person's connections to community services",
            description = "Oldest first; notes only for the case's link worker and a lead of its PCN.")
    @APIResponse(responseCode = "200", description = "The connections", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ConnectionView.class), examples = @ExampleObject(name = "two connections", value = """
            [{"id": "6f1d2c3b-4a59-4d68-8e7f-9a0b1c2d3e04", "serviceId": "0b0e4f5c-1c7e-4e52-9a43-5a8a0c1a2b01",
              "serviceName": "Starbeck Nordic Walking Group", "category": "walking", "status": "attending", "madeBy": "amara.okafor",
              "madeAt": "2026-11-03T10:00:00Z", "updatedAt": "2026-11-10T10:00:00Z", "placesAvailable": 4},
             {"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "serviceId": "7c6d5e4f-3a2b-4c1d-9e8f-7a6b5c4d3e2f",
              "serviceName": "Singing for the Brain Pateley Bridge", "category": "singing-and-music", "status": "declined",
              "reason": "no-space", "madeBy": "amara.okafor", "madeAt": "2026-11-03T10:05:00Z", "updatedAt": "2026-11-03T10:05:00Z",
              "placesAvailable": 0}]""")))
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    public List<ConnectionView> list(@PathParam("id") UUID caseId) {
        return connections.of(caseId, caller.viewer()).stream().map(ConnectionView::of).toList();
    }

    @GET
    @Path("/{connectionId}")
    @Operation(summary = "One connection",
            description = "Where the connection to a community service stands, with its history of moves and their reasons; ETag for moving it on. Its notes are shown to the case's link worker and their lead only, and the read is audited.")
    @APIResponse(responseCode = "200", description = "The connection; ETag its version",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "404", description = "No such case or connection")
    public Response one(@PathParam("id") UUID caseId, @PathParam("connectionId") UUID connectionId) {
        Connections.Seen seen = connections.one(caseId, connectionId, caller.viewer());
        return Response.ok(ConnectionView.of(seen)).header(HttpHeaders.ETAG, Preconditions.etag(seen.connection().version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Connect the person to a directory service",
            description = "The case's link worker, or a lead of its PCN. The service must be in the directory and not withdrawn. "
                    + "A connection the service could not take (no space) or that was too far (nothing suitable nearby) is recorded "
                    + "as declined with that reason: it is the unmet need commissioners see. Emits connection.made.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewConnection.class), examples = {
            @ExampleObject(name = "referred", value = "{\"serviceId\": \"0b0e4f5c-1c7e-4e52-9a43-5a8a0c1a2b01\", \"category\": \"walking\", \"status\": \"referred\"}"),
            @ExampleObject(name = "no space", value = "{\"serviceId\": \"7c6d5e4f-3a2b-4c1d-9e8f-7a6b5c4d3e2f\", \"status\": \"declined\", \"reason\": \"no-space\"}") }))
    @APIResponse(responseCode = "201", description = "Made; ETag its version", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid, or the service is not in the directory")
    @APIResponse(responseCode = "403", description = "Not the case's link worker or a lead of its PCN")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    @APIResponse(responseCode = "409", description = "The service was withdrawn, an open connection to it exists, the case is closed, or "
            + "contact details were to be shared without the person's consent")
    public Response make(@PathParam("id") UUID caseId, @NotNull(message = "a connection is required") @Valid NewConnection body, UriInfo uri,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.name(), key, List.of("connect", caseId, body), () -> {
            Connections.Seen made = connections.make(caseId, new Connections.Request(body.serviceId(), blankToNull(body.category()),
                    body.status(), body.reason(), blankToNull(body.note()), Boolean.TRUE.equals(body.shareContactDetails())),
                    caller.viewer(), caller.name());
            URI location = uri.getBaseUriBuilder().path("api/caseload/cases").path(caseId.toString()).path("connections")
                    .path(made.connection().id().toString()).build();
            return Response.created(location).entity(ConnectionView.of(made))
                    .header(HttpHeaders.ETAG, Preconditions.etag(made.connection().version())).build();
        });
    }

    @POST
    @Path("/{connectionId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.LINK_WORKER, Roles.LINK_WORKER_LEAD })
    @Operation(summary = "Move a connection on",
            description = "Needs If-Match. suggested → referred → attending → completed; declined (before attending) and dropped-out "
                    + "(after) need a reason. Emits connection.updated.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Move.class), examples = {
            @ExampleObject(name = "attending", value = "{\"status\": \"attending\"}"),
            @ExampleObject(name = "nothing suitable nearby", value = "{\"status\": \"declined\", \"reason\": \"nothing-suitable-nearby\", \"note\": \"Nearest group is two buses away\"}") }))
    @APIResponse(responseCode = "200", description = "Moved; ETag its version", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid, or a reason is missing or not wanted")
    @APIResponse(responseCode = "404", description = "No such case or connection")
    @APIResponse(responseCode = "409", description = "The move is not allowed from where the connection stands, the case is closed, or "
            + "contact details were to be shared without the person's consent")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response move(@PathParam("id") UUID caseId, @PathParam("connectionId") UUID connectionId,
            @NotNull(message = "a status is required") @Valid Move body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String key) {
        long version = Preconditions.ifMatchVersion(ifMatch);
        return idempotency.once(caller.name(), key, List.of("move", caseId, connectionId, version, body), () -> {
            Connections.Seen moved = connections.move(caseId, connectionId, version, body.status(), body.reason(), blankToNull(body.note()),
                    Boolean.TRUE.equals(body.shareContactDetails()), caller.viewer());
            return Response.ok(ConnectionView.of(moved)).header(HttpHeaders.ETAG, Preconditions.etag(moved.connection().version())).build();
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
