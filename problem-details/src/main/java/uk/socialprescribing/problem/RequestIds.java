package uk.socialprescribing.problem;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.MDC;

/**
 * The request's id: the caller's {@code X-Request-Id} (the gateway always sends one) when it is usable, else a new
 * one. It is put in the logging context ({@code requestId}, which JSON logs carry), returned on the answer, and
 * recorded with every event the request writes to the outbox, so one request can be followed through every service.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    /** The logging context key. */
    public static final String KEY = "requestId";

    static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The id when it is usable as one, else a new one. */
    public static String usableOrNew(String given) {
        return given != null && USABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String id = usableOrNew(request.getHeaderString(HEADER));
        request.setProperty(KEY, id);
        MDC.put(KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove(KEY);
    }
}
