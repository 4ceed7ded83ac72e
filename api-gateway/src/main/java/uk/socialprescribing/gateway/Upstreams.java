package uk.socialprescribing.gateway;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

/**
 * The services behind the gateway: one HTTP client for them all, and each one's circuit breaker, shared by the routes
 * to its API and to its OpenAPI document.
 */
@ApplicationScoped
public class Upstreams {

    private final HttpClient client;
    private final Map<String, CircuitBreaker> breakers;

    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setIdleTimeout((int) config.upstreamTimeout().toSeconds())
                .setMaxPoolSize(64));
        this.breakers = new HashMap<>();
        config.upstreams().keySet().forEach(name -> breakers.put(name, CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(config.breaker().maxFailures()).setTimeout(config.upstreamTimeout().toMillis())
                .setResetTimeout(config.breaker().reset().toMillis()).setFallbackOnFailure(false))
                // a caller that hung up says nothing of the service: it must not open the circuit for everyone else
                .failurePolicy(outcome -> outcome.failed() && !(outcome.cause() instanceof UpstreamGuard.CallerGone))));
    }

    public HttpClient client() {
        return client;
    }

    public CircuitBreaker breaker(String upstream) {
        return breakers.get(upstream);
    }
}
