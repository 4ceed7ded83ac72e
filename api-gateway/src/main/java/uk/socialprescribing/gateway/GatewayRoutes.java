package uk.socialprescribing.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import uk.socialprescribing.events.RequestId;

/**
 * The front door. Each route of {@link Route#TABLE} is proxied (vertx-http-proxy) to its service with the caller's
 * Authorization header, after the token has been checked here: a missing or invalid token never reaches a service
 * on a route that needs one. The services check it again, with their own rules.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    private final RateLimits limits = new RateLimits();

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, ApiCatalogue catalogue) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setIdleTimeout((int) config.upstreamTimeout().toSeconds())
                .setMaxPoolSize(64));

        // every request: an id (the caller's, if it sent a usable one), passed on to the service and returned; the
        // security headers; and a body larger than allowed refused before it is read
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
            String charset = charsetOf(ctx.request().getHeader("Content-Type"));
            if (charset != null && !knownCharset(charset)) {
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

        // browsers: the configured frontends' origins on every route, any origin on the public ORUK feed only
        Set<String> origins = Set.copyOf(config.corsOrigins());
        router.route().order(-2).handler(ctx -> crossOrigin(ctx, origins));

        // an invalid or expired token fails authentication before any route: answer it as a problem
        router.route().order(-1).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException) {
                Problems.send(ctx.response(), 401, "unauthenticated", "Unauthorized", "A valid bearer token is required",
                        ctx.normalizedPath());
            } else {
                ctx.next();
            }
        });

        Map<String, CircuitBreaker> breakers = new java.util.HashMap<>();
        config.upstreams().keySet().forEach(name -> breakers.put(name, CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(config.breaker().maxFailures()).setTimeout(config.upstreamTimeout().toMillis())
                .setResetTimeout(config.breaker().reset().toMillis()).setFallbackOnFailure(false))
                // a caller that hung up says nothing of the service: it must not open the circuit for everyone else
                .failurePolicy(outcome -> outcome.failed() && !(outcome.cause() instanceof GuardedUpstream.CallerGone))));

        for (Route route : Route.TABLE) {
            URI upstream = config.upstreams().get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("No URL for upstream " + route.upstream() + " (gateway.upstreams." + route.upstream() + ")");
            }
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(upstream.getPort(), upstream.getHost())
                    .addInterceptor(new ForwardedHeaders())
                    .addInterceptor(new GuardedUpstream(route.upstream(), breakers.get(route.upstream()), config, vertx));
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
                    .addInterceptor(new GuardedUpstream(name, breakers.get(name), config, vertx));
            router.get("/openapi/" + name).handler(ctx -> openApi.handle(ctx.request()));
        });

        // one API document for partners (every service's operations) and the event catalogue
        router.get("/q/openapi").blockingHandler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(catalogue.openApi().toString()));
        String asyncApi = catalogue.asyncApi();
        router.get("/asyncapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(asyncApi));

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
        if (principal instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            client = azp != null ? azp.toString() : jwt.getClaim("client_id") == null ? null : jwt.getClaim("client_id").toString();
            return (client == null ? "" : client) + "/" + (jwt.getSubject() == null ? principal.getName() : jwt.getSubject());
        }
        return principal.getName();
    }

    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
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

    /**
     * Each upstream behind its circuit breaker (Vert.x). No answer within the timeout, a refused connection, or a 5xx
     * counts as a failure; after {@code gateway.breaker.max-failures} in a row the circuit opens and callers get a 503
     * at once, until one request after {@code gateway.breaker.reset} gets through again. A caller whose request fails
     * that way gets a 503 problem naming the service, with Retry-After; a service's own 5xx answer is passed on as it is.
     */
    private record GuardedUpstream(String upstream, CircuitBreaker breaker, GatewayConfig config, Vertx vertx) implements ProxyInterceptor {

        /** Methods whose request may be sent twice with the same effect (RFC 9110, 9.2.2); PUT is, but its body streams. */
        private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.DELETE);

        /**
         * One try through the breaker; if the service could not be reached at all (refused, or the connection closed
         * before an answer, as when an instance stops) and retries are left, another after a moment. A timeout is not
         * tried again: the service may still be at work, and the caller has waited long enough.
         */
        private Future<ProxyResponse> attempt(ProxyContext context, int retriesLeft) {
            Future<ProxyResponse> answered = breaker.execute(promise -> context.sendRequest().onComplete(result -> {
                if (result.succeeded() && result.result().getStatusCode() >= 500) {
                    promise.tryFail(new ServiceFailed(result.result()));
                } else if (result.failed() && context.request().proxiedRequest().response().closed()) {
                    promise.tryFail(new CallerGone(result.cause()));
                } else {
                    promise.handle(result);
                }
            }));
            if (retriesLeft == 0) {
                return answered;
            }
            return answered.recover(failure -> {
                if (failure instanceof ServiceFailed || failure instanceof CallerGone || failure instanceof OpenCircuitException
                        || failure instanceof io.vertx.circuitbreaker.TimeoutException) {
                    return Future.failedFuture(failure);
                }
                LOG.infof("%s %s %s: not reached (%s); trying again", upstream, context.request().getMethod(),
                        context.request().getURI(), failure.toString());
                io.vertx.core.Promise<Void> pause = io.vertx.core.Promise.promise();
                vertx.setTimer(100, t -> pause.complete());
                return pause.future().compose(v -> attempt(context, retriesLeft - 1));
            });
        }

        private static boolean withoutBody(HttpServerRequest request) {
            String length = request.getHeader("Content-Length");
            return request.getHeader("Transfer-Encoding") == null && (length == null || length.equals("0"));
        }

        /**
         * The caller closed its connection before the answer came (a client timing out, a load generator stopping): the
         * exchange with the service was cut by our side, which is no failure of the service's.
         */
        static final class CallerGone extends RuntimeException {
            CallerGone(Throwable cause) {
                super("the caller closed its connection", cause, false, false);
            }
        }

        /** A service answered with a 5xx: a failure for the breaker, and still its answer for the caller. */
        static final class ServiceFailed extends RuntimeException {
            final transient ProxyResponse response;

            ServiceFailed(ProxyResponse response) {
                super(null, null, false, false);
                this.response = response;
            }
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            int retries = 0;
            if (IDEMPOTENT.contains(incoming.method()) && withoutBody(incoming)) {
                // nothing to stream: the request can be sent again as it is
                context.request().setBody(null);
                incoming.resume();
                retries = config.retries();
            }
            return attempt(context, retries).recover(failure -> {
                if (failure instanceof ServiceFailed failed) {
                    return Future.succeededFuture(failed.response);
                }
                String why;
                long retryAfter;
                if (failure instanceof OpenCircuitException) {
                    why = upstream + " has been failing; requests to it are held back for a few seconds";
                    retryAfter = Math.max(1, config.breaker().reset().toSeconds());
                } else if (failure instanceof io.vertx.circuitbreaker.TimeoutException) {
                    why = upstream + " did not answer within " + config.upstreamTimeout().toSeconds() + " seconds";
                    retryAfter = 5;
                } else {
                    why = upstream + " is not answering; try again shortly";
                    retryAfter = 5;
                }
                if (failure instanceof CallerGone) {
                    LOG.debugf("%s %s %s: the caller closed its connection first", upstream, context.request().getMethod(),
                            context.request().getURI());
                    return Future.failedFuture(failure);
                }
                LOG.warnf("%s %s %s: %s (%s)", upstream, context.request().getMethod(), context.request().getURI(), why, failure.toString());
                ProxyResponse response = context.request().response()
                        .setStatusCode(HttpResponseStatus.SERVICE_UNAVAILABLE.code())
                        .putHeader("Content-Type", Problems.MEDIA_TYPE)
                        .putHeader("Retry-After", Long.toString(retryAfter))
                        .setBody(Body.body(Buffer.buffer(Problems.body(503, "upstream-unavailable", "Service Unavailable", why,
                                context.request().getURI()))));
                return Future.succeededFuture(response);
            });
        }
    }

    /** A charset there is a decoder for (clients label JSON ISO-8859-1 as well as UTF-8; "bogus" is neither). */
    static boolean knownCharset(String name) {
        try {
            return java.nio.charset.Charset.isSupported(name);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    /** The charset parameter of a Content-Type, unquoted, or null. */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }
}
