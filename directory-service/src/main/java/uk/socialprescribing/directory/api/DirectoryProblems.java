package uk.socialprescribing.directory.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.directory.domain.Listing;

/** The directory's domain failures, each answered once as a problem. */
public class DirectoryProblems {

    @ServerExceptionMapper
    public Response state(Listing.StateException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "listing-state", e.getMessage()).at(uri.getPath()).toResponse();
    }
}
