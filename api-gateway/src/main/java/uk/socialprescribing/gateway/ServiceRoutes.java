package uk.socialprescribing.gateway;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * The front door. Each route of {@link Route#TABLE} is proxied (vertx-http-proxy) to its service with the caller's
 * Authorization header, after the token has been checked here: a missing or invalid token never reaches a service on a
 * route that needs one (the services check it again, with their own rules). Each caller is held to its rate limit: a
 * signed-in client by its token, anyone else by their address.
 */
@ApplicationScoped
public class ServiceRoutes {

    private static final Logger LOG = Logger.getLogger(ServiceRoutes.class);

    private final RateLimits limits = new RateLimits();

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, Upstreams upstreams) {
        for (Route route : Route.TABLE) {
            URI upstream = config.upstreams().get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("No URL for upstream " + route.upstream() + " (gateway.upstreams." + route.upstream() + ")");
            }
            HttpProxy proxy = HttpProxy.reverseProxy(upstreams.client())
                    .origin(upstream.getPort(), upstream.getHost())
                    .addInterceptor(new ForwardedHeaders())
                    .addInterceptor(new UpstreamGuard(route.upstream(), upstreams.breaker(route.upstream()), config, vertx));
            router.routeWithRegex(route.pathRegex()).handler(ctx -> {
                boolean anonymous = isAnonymous(ctx);
                if (route.requiresToken() && anonymous) {
                    Problems.send(ctx.response(), 401, "unauthenticated", "Unauthorized", "A valid bearer token is required",
                            ctx.normalizedPath());
                    return;
                }
                RateLimits.Decision decision = anonymous
                        ? limits.take("address:" + address(ctx), config.rateLimit().perAddress(), config.rateLimit().perAddressWindow())
                        : limits.take("client:" + clientOf(ctx), config.rateLimit().perClient(), config.rateLimit().perClientWindow());
                if (!decision.allowed()) {
                    ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                    Problems.send(ctx.response(), 429, "rate-limited", "Too Many Requests", (anonymous ? "Too many requests from your address"
                            : "Too many requests from your client") + "; try again in " + decision.retryAfterSeconds() + " seconds",
                            ctx.normalizedPath());
                    return;
                }
                proxy.handle(ctx.request());
            });
        }
        LOG.infof("Routing %d path prefixes to %s", Route.TABLE.size(), config.upstreams());
    }

    private static boolean isAnonymous(RoutingContext ctx) {
        return !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }

    /**
     * Whom a token's requests are counted against: the client it was issued to (Keycloak's azp) and its subject, so a
     * machine client (whose subject is its service account) has one bucket, and each person signed in to a shared
     * frontend has their own.
     */
    private static String clientOf(RoutingContext ctx) {
        var principal = ((QuarkusHttpUser) ctx.user()).getSecurityIdentity().getPrincipal();
        String client = null;
        if (principal instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            client = azp != null ? azp.toString() : jwt.getClaim("client_id") == null ? null : jwt.getClaim("client_id").toString();
            return (client == null ? "" : client) + "/" + (jwt.getSubject() == null ? principal.getName() : jwt.getSubject());
        }
        return principal.getName();
    }

    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }
}
