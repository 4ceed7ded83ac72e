package uk.socialprescribing.web.api;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An answer of the gateway that is not a success, read from its problem details (RFC 9457): the page shows it in
 * words, field by field, and never as JSON. An answer without a problem body (the gateway could not reach a service)
 * has a problem made for it from its status.
 */
public class ApiProblem extends RuntimeException {

    private final Problem problem;
    private final String currentEtag;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

        public List<FieldError> errors() {
            return errors == null ? List.of() : errors;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String rule, String message) {
    }

    public ApiProblem(Problem problem, String currentEtag) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
        this.currentEtag = currentEtag;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** A write refused because the record changed since it was read (412): someone else changed it. */
    public boolean stale() {
        return problem.status() == 412;
    }

    /**
     * Thrown on when the problem is not one the form's page can show beside its fields (nothing to see there, or not
     * the person's to see): the error pages answer it.
     */
    public void unlessAboutTheForm() {
        if (problem.status() == 404 || problem.status() == 403) {
            throw this;
        }
    }

    /** The ETag the gateway sent with the problem, if any. */
    public Optional<String> currentEtag() {
        return Optional.ofNullable(currentEtag);
    }

    /** The words for a field's problem, or empty. */
    public Optional<String> messageFor(String field) {
        return problem.errors().stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst();
    }

    /** Reads every 4xx and 5xx answer of the gateway into an {@link ApiProblem}. */
    public static class Mapper implements ResponseExceptionMapper<ApiProblem> {

        @Override
        public ApiProblem toThrowable(Response response) {
            Problem problem = null;
            MediaType type = response.getMediaType();
            if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
                try {
                    problem = response.readEntity(Problem.class);
                } catch (RuntimeException unreadable) {
                    problem = null;
                }
            }
            if (problem == null || problem.status() == 0) {
                Response.StatusType status = response.getStatusInfo();
                problem = new Problem(null, status.getReasonPhrase(), status.getStatusCode(), null, List.of());
            }
            return new ApiProblem(problem, response.getHeaderString("ETag"));
        }

        @Override
        public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }
}
