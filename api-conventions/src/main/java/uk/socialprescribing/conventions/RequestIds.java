package uk.socialprescribing.conventions;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.MDC;

import uk.socialprescribing.events.RequestId;

/**
 * The request's id: the caller's {@code X-Request-Id} (the gateway always sends one) when it is usable, else a new
 * one. It is put in the logging context ({@code requestId}, which JSON logs carry), returned on the answer, and
 * recorded with every event the request writes to the outbox, so one request can be followed through every service.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String id = RequestId.usableOrNew(request.getHeaderString(RequestId.HEADER));
        request.setProperty(RequestId.LOG_KEY, id);
        MDC.put(RequestId.LOG_KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestId.LOG_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestId.HEADER, id);
        }
        MDC.remove(RequestId.LOG_KEY);
    }
}
