package uk.socialprescribing.messaging.deadletter;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.socialprescribing.conventions.Problem;

/** The dead letters' own failure, answered once for every service that mounts {@link DeadLetterResource}. */
public class DeadLetterProblems {

    @ServerExceptionMapper
    public Response stillFailing(DeadLetters.StillFailing e, UriInfo uri) {
        return new Problem(Problem.type("still-failing"), "Unprocessable Content", 422,
                "The event failed again and stays dead-lettered: " + e.getMessage(), uri.getPath(), List.of()).toResponse();
    }
}
