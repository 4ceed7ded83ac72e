package uk.socialprescribing.web.pages;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import uk.socialprescribing.web.api.ApiProblem;

/**
 * What a person sees when something goes wrong: a page in words, in the design system, never JSON nor a stack trace.
 * Logged without personal data (the API's problem names fields and rules, not values).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @ServerExceptionMapper
    public Response api(ApiProblem problem) {
        return switch (problem.status()) {
            case 401 -> page(401, "You need to sign in again", "Your session has ended. Go to the start page to sign in again.");
            case 403 -> page(403, "You cannot see this", "Your role does not allow this. If you think it should, ask your lead.");
            case 404 -> page(404, "Page not found", "It may have been closed, moved to another network, or the address may be wrong.");
            case 429 -> page(429, "Too many requests", "The service is busy. Wait a minute and try again.");
            default -> {
                if (problem.status() >= 500) {
                    LOG.warnf("The gateway answered %d", problem.status());
                    yield page(502, "Sorry, there is a problem with the service", "Try again later. What you entered has not been saved.");
                }
                yield page(problem.status(), "Sorry, that did not work", problem.problem().detail() == null ? problem.problem().title()
                        : problem.problem().detail());
            }
        };
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Page not found", "If you typed the web address, check it is correct.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "You cannot see this page", "Your role does not allow this page. If you think it should, ask your lead.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("A page failed", e);
        return page(500, "Sorry, there is a problem with the service", "Try again later. What you entered has not been saved.");
    }

    private static Response page(int status, String title, String message) {
        return Pages.problemPage(status, title, message);
    }
}
