package uk.socialprescribing.referral.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import uk.socialprescribing.conventions.ProblemMappers;
import uk.socialprescribing.referral.fhir.FhirResource;

/**
 * A missing or invalid token, an unsupported media type or an unknown path is refused before any resource runs:
 * under /fhir the refusal is an OperationOutcome, as FHIR clients expect; everywhere else the platform's problem details.
 */
public class FhirAwareAuthenticationProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return isFhir(uri) ? FhirResource.unauthenticated() : problems.unauthorized(e, uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return isFhir(uri) ? FhirResource.unauthenticated() : problems.authenticationFailed(e, uri);
    }

    /** 404, 405, 415… met before the FHIR resource is reached. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response http(WebApplicationException e, UriInfo uri) {
        return isFhir(uri) ? FhirResource.httpOutcome(e) : problems.http(e, uri);
    }

    private static boolean isFhir(UriInfo uri) {
        return uri.getPath().startsWith("/fhir");
    }
}
