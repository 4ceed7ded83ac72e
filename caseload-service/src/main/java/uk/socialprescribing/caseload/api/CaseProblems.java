package uk.socialprescribing.caseload.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.socialprescribing.caseload.domain.CaseNotOpenException;
import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.SessionRecordedException;
import uk.socialprescribing.caseload.domain.SessionTimeException;
import uk.socialprescribing.caseload.service.CaseNotFoundException;
import uk.socialprescribing.caseload.service.Sessions;
import uk.socialprescribing.conventions.Problem;

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

    /** Scheduled before the referral (a field of the request: 400), or recorded before its time (the clock's: 409). */
    @ServerExceptionMapper
    public Response sessionTime(SessionTimeException e, UriInfo uri) {
        if ("scheduledFor".equals(e.field())) {
            return Problem.invalidField(e.field(), e.rule(), e.getMessage()).at(uri.getPath()).toResponse();
        }
        return new Problem(Problem.type("session-not-yet-held"), "Conflict", 409, e.field() + " " + e.getMessage(), uri.getPath(),
                List.of(new Problem.FieldError(e.field(), e.rule(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response sessionRecorded(SessionRecordedException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "session-recorded", e.getMessage()).at(uri.getPath()).toResponse();
    }
}
