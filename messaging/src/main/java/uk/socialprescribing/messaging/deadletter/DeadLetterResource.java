package uk.socialprescribing.messaging.deadletter;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.ProblemException;
import uk.socialprescribing.conventions.Roles;

/**
 * The admin's view of a service's dead letters, and their replay. Each service mounts it under its own path with a
 * subclass that adds only {@code @Path} (e.g. {@code /api/caseload/admin/dead-letters}).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The events this service could not process",
            description = "Every record on this service's dead-letter topics, oldest first: its channel, where it sits (partition and offset, "
                    + "to replay it), why it failed, the event it carried (id and type, never its data) and where it came from, and its replays.")
    @APIResponse(responseCode = "200", description = "The dead letters")
    @APIResponse(responseCode = "400", description = "No such channel", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public List<DeadLetters.DeadLetter> list(@Parameter(description = "Only this channel's", example = "referral-events")
            @QueryParam("channel") String channel) {
        if (channel != null && deadLetters.channels().stream().noneMatch(c -> c.name().equals(channel))) {
            throw new ProblemException(Problem.invalidField("channel", "KnownChannel",
                    "is not a channel of this service; its channels: " + deadLetters.channels().stream().map(DeadLetters.Channel::name).toList()));
        }
        return deadLetters.list(Optional.ofNullable(channel));
    }

    @POST
    @Path("/{channel}/{partition}/{offset}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replay a dead letter once its cause is mended",
            description = "Hands the record to its channel's handler again, as if just delivered: the inbox still applies an event at most once. "
                    + "The replay and its outcome are recorded; the record stays on the dead-letter topic either way.")
    @APIResponse(responseCode = "200", description = "Replayed")
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "It failed again, for the reason given; it stays dead-lettered")
    public Response replay(@PathParam("channel") String channel, @PathParam("partition") int partition, @PathParam("offset") long offset) {
        return Response.ok(deadLetters.replay(channel, partition, offset, identity.getPrincipal().getName())).build();
    }
}
