package uk.socialprescribing.conventions;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * A query parameter of the API given with no value ({@code ?status=}, or only spaces) is a 400 naming it, not taken as
 * left out: a client that meant to filter and sent nothing would otherwise get everything back, and think it had
 * filtered. (Quarkus REST hands a resource an empty value as null, the same as none, so this is decided here, on the
 * request's own query.) The ORUK feed and the FHIR routes keep their own conventions and are not held to it.
 */
@Provider
@PreMatching
public class NoEmptyQueryValues implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (!parameter.getKey().isEmpty() && parameter.getValue().stream().anyMatch(value -> value == null || value.isBlank())) {
                request.abortWith(Problem.invalidField(parameter.getKey(), "NotEmpty", "must not be empty: leave the parameter out instead")
                        .at(path).toResponse());
                return;
            }
        }
    }
}
