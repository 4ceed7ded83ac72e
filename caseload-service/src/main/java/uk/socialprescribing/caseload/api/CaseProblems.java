package uk.socialprescribing.caseload.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.socialprescribing.caseload.domain.CaseNotOpenException;
import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.SessionRecordedException;
import uk.socialprescribing.caseload.service.CaseNotFoundException;
import uk.socialprescribing.caseload.service.Sessions;
import uk.socialprescribing.problem.Problem;

/** The caseload domain's failures as problem details. */
public class CaseProblems {

    @ServerExceptionMapper
    public Response notFound(CaseNotFoundException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "case-not-found", e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response notOpen(CaseNotOpenException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "case-closed", e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response sessionNotFound(Sessions.SessionNotFoundException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "session-not-found", e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response connectionMove(Connection.IllegalMoveException e, UriInfo uri) {
        return new Problem(Problem.type("connection-transition"), "Conflict", 409, e.getMessage(), uri.getPath(),
                List.of(new Problem.FieldError("status", "AllowedMove", "cannot follow " + e.current()))).toResponse();
    }

    @ServerExceptionMapper
    public Response sessionRecorded(SessionRecordedException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "session-recorded", e.getMessage()).at(uri.getPath()).toResponse();
    }
}
