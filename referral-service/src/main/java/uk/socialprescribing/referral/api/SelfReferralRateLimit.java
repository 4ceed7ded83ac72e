package uk.socialprescribing.referral.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.referral.config.ReferralConfig;

/**
 * Two limits per client address per {@code referral.self-referral.period}: at most {@code capacity} self-referrals
 * made, and at most {@code attempt-capacity} attempts in all (Bucket4j token buckets per address, refilled greedily).
 * Both are taken before the body is read, so malformed attempts count against the attempts; a self-referral that is
 * not made (refused for its problems, or an idempotent replay of one already made) is given back to the first, so that
 * a person correcting the form does not run out before it is right. Past either: 429 with Retry-After, saying in words
 * which. The client address is the one the gateway forwards (X-Forwarded-For, trusted from the gateway's address only;
 * see application.properties).
 *
 * <p>The buckets are kept in PostgreSQL (Bucket4j's select-for-update proxy, table {@code self_referral_bucket}), so
 * the limit holds across replicas, not per process. A bucket is keyed by the SHA-256 of the address, never the address
 * itself, and its row expires once the bucket would be full again (at most a period); a job deletes expired rows.
 */
@Singleton
public class SelfReferralRateLimit {

    private static final String CLIENT = SelfReferralRateLimit.class.getName() + ".client";

    /** Read on first use: filters are built before runtime configuration is available. */
    private final Instance<ReferralConfig> config;
    private final Instance<DataSource> dataSource;
    private volatile ReferralConfig.SelfReferral limits;
    private volatile SelfReferralBuckets buckets;

    public SelfReferralRateLimit(Instance<ReferralConfig> config, Instance<DataSource> dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    private SelfReferralBuckets buckets() {
        if (buckets == null) {
            buckets = new SelfReferralBuckets(dataSource.get(), limits());
        }
        return buckets;
    }

    /** Rows of buckets full again, deleted a batch at a time. */
    @Scheduled(every = "${referral.self-referral.cleanup-interval:10m}", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        buckets().removeExpired();
    }

    private ReferralConfig.SelfReferral limits() {
        if (limits == null) {
            limits = config.get().selfReferral();
        }
        return limits;
    }

    private static boolean isSelfReferral(ContainerRequestContext context) {
        return "POST".equals(context.getMethod()) && context.getUriInfo().getPath().startsWith("/api/self-referrals");
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!isSelfReferral(context)) {
            return null;
        }
        String client = SelfReferralBuckets.key(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        ConsumptionProbe attempt = buckets().attempts(client).tryConsumeAndReturnRemaining(1);
        if (!attempt.isConsumed()) {
            return limited(context, attempt, "You have tried to send a self-referral " + limits().attemptCapacity()
                    + " times from your address in the last " + hours() + "; please wait %s before trying again, or ask your GP practice to refer you");
        }
        ConsumptionProbe made = buckets().made(client).tryConsumeAndReturnRemaining(1);
        if (!made.isConsumed()) {
            return limited(context, made, "You have sent " + limits().capacity() + " self-referrals from your address in the last " + hours()
                    + ", which is as many as we take from one address; if you need to send another, please wait %s, or call us or your GP practice");
        }
        context.setProperty(CLIENT, client);
        return null;
    }

    /** A self-referral that was not made gives its place back: only one made counts against the self-referrals. */
    @ServerResponseFilter
    public void giveBackUnlessMade(ContainerRequestContext request, ContainerResponseContext response) {
        Object client = request.getProperty(CLIENT);
        if (client == null) {
            return;
        }
        boolean made = response.getStatus() == 201 && !"true".equals(response.getHeaderString("Idempotent-Replayed"));
        if (!made) {
            buckets().made((String) client).addTokens(1);
        }
    }

    private Response limited(ContainerRequestContext context, ConsumptionProbe probe, String message) {
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return Response.fromResponse(new Problem(Problem.type("rate-limited"), "Too Many Requests", 429,
                message.formatted(inWords(retryAfter)), context.getUriInfo().getPath(), List.of()).toResponse())
                .header("Retry-After", retryAfter).build();
    }

    private String hours() {
        Duration period = limits().period();
        return period.toMinutes() % 60 == 0 && period.toHours() == 1 ? "hour"
                : period.toMinutes() % 60 == 0 ? period.toHours() + " hours" : period.toMinutes() + " minutes";
    }

    /** "12 minutes", "1 minute", "40 seconds". */
    static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
