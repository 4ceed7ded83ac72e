package uk.socialprescribing.gateway;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Browsers: the configured frontends' origins on every route, any origin on the public ORUK feed only. */
@ApplicationScoped
public class CrossOrigin {

    void install(@Observes Router router, GatewayConfig config) {
        Set<String> origins = Set.copyOf(config.corsOrigins());
        router.route().order(-2).handler(ctx -> crossOrigin(ctx, origins));
    }

    /** Headers a browser script may read from an answer, beside the CORS-safelisted ones. */
    private static final String EXPOSED = "Location, ETag, Link, Retry-After, Preference-Applied, X-Request-Id";

    /**
     * CORS. A request from an origin that may call this path gets Access-Control-Allow-Origin (its own origin, or * on
     * the public ORUK feed, which carries no personal data and takes no credentials); a preflight from it is answered
     * here, without reaching a service. A preflight from any other origin is refused with a 403 problem, and its
     * ordinary requests get no CORS headers, so the browser keeps the answer from the page.
     */
    private static void crossOrigin(RoutingContext ctx, Set<String> origins) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        boolean open = path.equals("/oruk") || path.startsWith("/oruk/");
        boolean allowed = open || origins.contains(origin);
        if (allowed) {
            ctx.addHeadersEndHandler(v -> {
                var headers = ctx.response().headers();
                headers.set("Access-Control-Allow-Origin", open ? "*" : origin);
                headers.set("Access-Control-Expose-Headers", EXPOSED);
                if (!open) {
                    headers.add("Vary", "Origin");
                }
            });
        }
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            ctx.next();
        } else if (!allowed) {
            Problems.send(ctx.response(), 403, "origin-not-allowed", "Forbidden", "Pages from " + origin
                    + " may not call " + path + ": the origin is not one of the gateway's frontends (gateway.cors-origins)", path);
        } else {
            ctx.response().setStatusCode(204)
                    .putHeader("Access-Control-Allow-Methods", open ? "GET, HEAD, OPTIONS" : "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", open ? "Accept, X-Request-Id"
                            : "Authorization, Accept, Content-Type, If-Match, If-None-Match, Idempotency-Key, Prefer, X-Request-Id")
                    .putHeader("Access-Control-Max-Age", "600")
                    .end();
        }
    }
}
