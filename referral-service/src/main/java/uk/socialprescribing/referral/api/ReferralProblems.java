package uk.socialprescribing.referral.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.referral.domain.IllegalTransitionException;
import uk.socialprescribing.referral.feedback.WebhookNotFoundException;
import uk.socialprescribing.referral.service.ReferralNotFoundException;

/** The referral domain's failures as problem details. */
public class ReferralProblems {

    @ServerExceptionMapper
    public Response notFound(ReferralNotFoundException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "referral-not-found", e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webhookNotFound(WebhookNotFoundException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "webhook-not-found", e.getMessage()).at(uri.getPath()).toResponse();
    }

    /** 409 naming the current state, so the client knows what happened without another read. */
    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "illegal-transition", e.getMessage()).at(uri.getPath()).toResponse();
    }
}
