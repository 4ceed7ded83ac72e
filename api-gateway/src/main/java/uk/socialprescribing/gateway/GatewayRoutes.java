package uk.socialprescribing.gateway;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The front door. Each route of {@link Route#TABLE} is proxied (vertx-http-proxy) to its service with the caller's
 * Authorization header, after the token has been checked here: a missing or invalid token never reaches a service
 * on a route that needs one. The services check it again, with their own rules.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setIdleTimeout((int) config.upstreamTimeout().toSeconds())
                .setMaxPoolSize(64));

        // an invalid or expired token fails authentication before any route: answer it as a problem
        router.route().order(-1).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException) {
                Problems.send(ctx.response(), 401, "unauthenticated", "Unauthorized", "A valid bearer token is required",
                        ctx.normalizedPath());
            } else {
                ctx.next();
            }
        });

        for (Route route : Route.TABLE) {
            URI upstream = config.upstreams().get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("No URL for upstream " + route.upstream() + " (gateway.upstreams." + route.upstream() + ")");
            }
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(upstream.getPort(), upstream.getHost())
                    .addInterceptor(new ForwardedHeaders())
                    .addInterceptor(new UnavailableUpstream(route.upstream()));
            router.routeWithRegex(route.pathRegex()).handler(ctx -> {
                if (route.requiresToken() && isAnonymous(ctx)) {
                    Problems.send(ctx.response(), 401, "unauthenticated", "Unauthorized", "A valid bearer token is required",
                            ctx.normalizedPath());
                    return;
                }
                proxy.handle(ctx.request());
            });
        }

        // each service's OpenAPI document, for the Swagger UI at /q/swagger-ui
        config.upstreams().forEach((name, upstream) -> {
            HttpProxy openApi = HttpProxy.reverseProxy(client)
                    .origin(upstream.getPort(), upstream.getHost())
                    .addInterceptor(new ProxyInterceptor() {
                        @Override
                        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                            context.request().setURI("/q/openapi?format=json");
                            return context.sendRequest();
                        }
                    })
                    .addInterceptor(new UnavailableUpstream(name));
            router.get("/openapi/" + name).handler(ctx -> openApi.handle(ctx.request()));
        });

        // anything else: not a path of this API
        router.route().order(Integer.MAX_VALUE - 1).handler(ctx -> {
            if (ctx.normalizedPath().startsWith("/q/")) {
                ctx.next();
                return;
            }
            Problems.send(ctx.response(), 404, "http-404", "Not Found", "Nothing is found at this path", ctx.normalizedPath());
        });
        LOG.infof("Routing %d path prefixes to %s", Route.TABLE.size(), config.upstreams());
    }

    private static boolean isAnonymous(RoutingContext ctx) {
        return !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }

    /**
     * Tells the service who called and at which address: X-Forwarded-For (the client's address, for per-client
     * limits), X-Forwarded-Proto and X-Forwarded-Host (for Location headers and links at the public address). This
     * gateway is the edge, so whatever forwarding headers a client sent are dropped first, never passed on.
     */
    static final class ForwardedHeaders implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var incoming = context.request().proxiedRequest();
            var headers = context.request().headers();
            for (String name : new String[] { "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
                    "X-Forwarded-Port", "X-Forwarded-Prefix" }) {
                headers.remove(name);
            }
            if (incoming.remoteAddress() != null) {
                headers.set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
            }
            headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().toString());
            }
            return context.sendRequest();
        }
    }

    /** A service that does not answer: 502 as a problem, naming the service, rather than an empty body. */
    private record UnavailableUpstream(String upstream) implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s did not answer %s %s: %s", upstream, context.request().getMethod(), context.request().getURI(), failure);
                ProxyResponse response = context.request().response()
                        .setStatusCode(HttpResponseStatus.BAD_GATEWAY.code())
                        .putHeader("Content-Type", Problems.MEDIA_TYPE)
                        .setBody(Body.body(Buffer.buffer(Problems.body(502, "upstream-unavailable", "Bad Gateway",
                                upstream + " is not answering; try again shortly", context.request().getURI()))));
                return Future.succeededFuture(response);
            });
        }
    }
}
