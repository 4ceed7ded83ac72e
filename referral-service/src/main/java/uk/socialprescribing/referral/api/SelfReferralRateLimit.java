package uk.socialprescribing.referral.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.referral.config.ReferralConfig;

/**
 * At most {@code referral.self-referral.capacity} self-referral attempts per client address per
 * {@code referral.self-referral.period} (a Bucket4j token bucket per address, refilled greedily), counted before
 * the body is read, so malformed attempts count too. Past it: 429 with Retry-After. The client address is the one
 * the gateway forwards (X-Forwarded-For, trusted from the gateway's address only; see application.properties).
 * Buckets live in this replica's memory, the least recently seen forgotten first past
 * {@code referral.self-referral.tracked-clients}.
 */
@Singleton
public class SelfReferralRateLimit {

    /** Read on first use: filters are built before runtime configuration is available. */
    private final Instance<ReferralConfig> config;
    private volatile ReferralConfig.SelfReferral limits;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > limits().trackedClients();
        }
    };

    public SelfReferralRateLimit(Instance<ReferralConfig> config) {
        this.config = config;
    }

    private ReferralConfig.SelfReferral limits() {
        if (limits == null) {
            limits = config.get().selfReferral();
        }
        return limits;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!"POST".equals(context.getMethod()) || !context.getUriInfo().getPath().startsWith("/api/self-referrals")) {
            return null;
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        ConsumptionProbe probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return Response.fromResponse(new Problem(Problem.type("rate-limited"), "Too Many Requests", 429,
                "Too many self-referrals from your address; try again in " + retryAfter + " seconds, or ask your GP practice",
                context.getUriInfo().getPath(), List.of()).toResponse())
                .header("Retry-After", retryAfter).build();
    }

    private Bucket bucketOf(String client) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limits().capacity()).refillGreedy(limits().capacity(), limits().period()).build())
                    .build());
        }
    }
}
