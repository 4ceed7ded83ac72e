package uk.socialprescribing.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.ext.web.RoutingContext;
import uk.socialprescribing.web.pages.Pages;

/** Refuses a change (a form sent back) that does not carry its session's form token ({@link FormTokens}). */
public class FormTokenCheck {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (!CHANGES.contains(request.getMethod())) {
            return null;
        }
        String expected = routing.get(ServerSideSessions.FORM_TOKEN);
        Object sent = null;
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            sent = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FormTokens.FIELD, true, false);
        }
        if (expected != null && sent instanceof String value
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return Pages.expiredForm();
    }
}
