package uk.socialprescribing.gateway;

import java.util.Set;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.circuitbreaker.TimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Each upstream behind its circuit breaker (Vert.x). No answer within the timeout, a refused connection, or a 5xx
 * counts as a failure; after {@code gateway.breaker.max-failures} in a row the circuit opens and callers get a 503
 * at once, until one request after {@code gateway.breaker.reset} gets through again. A caller whose request fails
 * that way gets a 503 problem naming the service, with Retry-After; a service's own 5xx answer is passed on as it is.
 */
record UpstreamGuard(String upstream, CircuitBreaker breaker, GatewayConfig config, Vertx vertx) implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamGuard.class);

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
                    || failure instanceof TimeoutException) {
                return Future.failedFuture(failure);
            }
            LOG.infof("%s %s %s: not reached (%s); trying again", upstream, context.request().getMethod(),
                    context.request().getURI(), failure.toString());
            Promise<Void> pause = Promise.promise();
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
            } else if (failure instanceof TimeoutException) {
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
