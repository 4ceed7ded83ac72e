package uk.socialprescribing.gateway;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import uk.socialprescribing.events.RequestId;

/**
 * What every request meets first: an id (the caller's, if it sent a usable one), passed on to the service and returned,
 * and the security headers; a path and query too long, an odd path, a credential that is not a bearer token, a charset
 * there is no reading of, and a body larger than allowed are refused before anything else reads them. A token that
 * fails authentication is answered as a problem.
 */
@ApplicationScoped
public class EdgeGuard {

    void install(@Observes Router router, GatewayConfig config) {
        router.route().order(-3).handler(ctx -> {
            String id = RequestId.usableOrNew(ctx.request().getHeader(RequestId.HEADER));
            ctx.request().headers().set(RequestId.HEADER, id);
            // the gateway's own log lines about this request carry its id (the MDC lives in the request's context)
            MDC.put(RequestId.LOG_KEY, id);
            String path = ctx.normalizedPath();
            ctx.addHeadersEndHandler(v -> {
                var headers = ctx.response().headers();
                headers.set(RequestId.HEADER, id);
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                if (path.startsWith("/api/") || path.startsWith("/fhir")) {
                    // personal data: never kept by a browser or a shared cache
                    headers.set("Cache-Control", "no-store");
                }
            });
            if (ctx.request().uri().length() > config.maxUriLength()) {
                Problems.send(ctx.response(), 414, "uri-too-long", "URI Too Long", "The request's path and query are "
                        + ctx.request().uri().length() + " characters; at most " + config.maxUriLength() + " are accepted", path);
                return;
            }
            String oddity = PathOddities.of(ctx.request().path());
            if (oddity != null) {
                Problems.send(ctx.response(), 404, "http-404", "Not Found", "Nothing is found at this path: " + oddity, path);
                return;
            }
            String authorization = ctx.request().getHeader("Authorization");
            if (authorization != null && !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                // a credential of another kind is refused, also on the public routes, rather than silently ignored
                Problems.send(ctx.response(), 401, "unauthenticated", "Unauthorized", "Only a bearer token is accepted here", path);
                return;
            }
            String charset = Charsets.charsetOf(ctx.request().getHeader("Content-Type"));
            if (charset != null && !Charsets.knownCharset(charset)) {
                Problems.send(ctx.response(), 415, "http-415", "Unsupported Media Type",
                        "The body's charset " + charset + " is not one there is any reading of; send UTF-8", path);
                return;
            }
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > config.maxBodyBytes()) {
                Problems.send(ctx.response(), 413, "payload-too-large", "Payload Too Large",
                        "The request body is " + length + " bytes; at most " + config.maxBodyBytes() + " are accepted", path);
                return;
            }
            ctx.next();
        });

        router.route().order(-1).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException) {
                Problems.send(ctx.response(), 401, "unauthenticated", "Unauthorized", "A valid bearer token is required",
                        ctx.normalizedPath());
            } else {
                ctx.next();
            }
        });
    }
}
