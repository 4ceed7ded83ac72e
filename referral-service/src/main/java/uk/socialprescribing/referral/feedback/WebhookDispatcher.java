package uk.socialprescribing.referral.feedback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import uk.socialprescribing.conventions.OutboundAddresses;
import uk.socialprescribing.referral.config.ReferralConfig;

/**
 * Delivers queued messages to referrers' webhooks: POST of the message JSON, signed with the webhook's secret
 * (header {@value #SIGNATURE}: {@code sha256=} and the hex HMAC-SHA256 of {@code <timestamp>.<body>}, the timestamp
 * in {@value #TIMESTAMP}). A 2xx answer delivers; anything else is retried with exponential backoff
 * ({@code referral.webhooks.backoff} doubling, at most {@code referral.webhooks.max-attempts}). Every attempt is
 * recorded. Deliveries are claimed with SKIP LOCKED, so replicas share the work without sending a message twice
 * at once; no transaction stays open while a webhook is called.
 */
@ApplicationScoped
public class WebhookDispatcher {

    public static final String SIGNATURE = "X-Webhook-Signature";
    public static final String TIMESTAMP = "X-Webhook-Timestamp";
    public static final String MESSAGE_ID = "X-Webhook-Id";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration backoff;
    private final int maxAttempts;
    private final HttpClient http;
    private final Duration timeout;

    public WebhookDispatcher(EntityManager entityManager, Clock clock, ReferralConfig config, WebhookSecrets secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
        this.clock = clock;
        this.backoff = config.webhooks().backoff();
        this.maxAttempts = config.webhooks().maxAttempts();
        this.timeout = config.webhooks().timeout();
        this.allowLoopback = config.webhooks().allowLoopback();
        this.allowed = OutboundAddresses.allowing(config.webhooks().allowedAddresses().orElse(List.of()));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private final boolean allowLoopback;
    private final OutboundAddresses allowed;
    private final WebhookSecrets secrets;

    private volatile boolean stopping;

    /** No new round once the application is stopping (the database goes away under it). */
    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** A delivery to make, its webhook's secret as stored (sealed). */
    record Due(UUID deliveryId, int attempts, UUID webhookId, String url, String secret, UUID messageId, String body) {
    }

    @Scheduled(every = "${referral.webhooks.interval:2s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        if (stopping) {
            return;
        }
        List<Due> due = QuarkusTransaction.requiringNew().call(this::claimDue);
        for (Due delivery : due) {
            deliver(delivery);
        }
    }

    /** Up to 20 due deliveries, claimed for a while so that no other replica sends them meanwhile. */
    @SuppressWarnings("unchecked")
    List<Due> claimDue() {
        Instant now = Instant.now(clock);
        List<Tuple> rows = entityManager.createNativeQuery("""
                select d.id, d.attempts, s.id, s.url, s.secret, m.id, cast(m.body as text)
                from webhook_delivery d
                join webhook_subscription s on s.id = d.subscription_id
                join referrer_message m on m.id = d.message_id
                where d.status = 'PENDING' and d.next_attempt_at <= :now
                order by d.next_attempt_at
                limit 20
                for update of d skip locked""", Tuple.class)
                .setParameter("now", now).getResultList();
        List<Due> due = rows.stream().map(r -> new Due((UUID) r.get(0), ((Number) r.get(1)).intValue(), (UUID) r.get(2),
                (String) r.get(3), (String) r.get(4), (UUID) r.get(5), (String) r.get(6))).toList();
        for (Due d : due) {
            entityManager.createNativeQuery("update webhook_delivery set next_attempt_at = :until where id = :id")
                    .setParameter("until", now.plus(CLAIM)).setParameter("id", d.deliveryId()).executeUpdate();
        }
        return due;
    }

    void deliver(Due delivery) {
        int attempt = delivery.attempts() + 1;
        long timestamp = Instant.now(clock).getEpochSecond();
        Integer status = null;
        String error = null;
        long started = System.nanoTime();
        try {
            var refused = Webhooks.refusal(URI.create(delivery.url()), allowLoopback, allowed);
            if (refused.isPresent()) {
                record(delivery.deliveryId(), attempt, null, "not sent: the URL " + refused.get().message(), 0);
                return;
            }
            String secret;
            try {
                secret = secrets.open(delivery.webhookId(), delivery.secret());
            } catch (WebhookSecrets.Unreadable e) {
                record(delivery.deliveryId(), attempt, null, "not sent: " + e.getMessage(), 0);
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(MESSAGE_ID, delivery.messageId().toString())
                    .header(TIMESTAMP, Long.toString(timestamp))
                    .header(SIGNATURE, "sha256=" + sign(secret, timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                error = "answered " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int duration = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        record(delivery.deliveryId(), attempt, status, error, duration);
    }

    private void record(UUID deliveryId, int attempt, Integer status, String error, int durationMillis) {
        Instant now = clock.instant();
        boolean delivered = error == null;
        boolean exhausted = !delivered && attempt >= maxAttempts;
        Instant next = delivered || exhausted ? null : now.plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 16)));
        String outcome = delivered ? "DELIVERED" : exhausted ? "FAILED" : "PENDING";
        String shortError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                    values (:id, :attempt, :at, :status, :error, :duration)""")
                    .setParameter("id", deliveryId).setParameter("attempt", attempt).setParameter("at", now)
                    .setParameter("status", status).setParameter("error", shortError).setParameter("duration", durationMillis)
                    .executeUpdate();
            entityManager.createNativeQuery("""
                    update webhook_delivery set attempts = :attempt, status = :status, next_attempt_at = :next,
                           delivered_at = :delivered
                    where id = :id and status = 'PENDING'""")
                    .setParameter("attempt", attempt).setParameter("status", outcome).setParameter("next", next)
                    .setParameter("delivered", delivered ? now : null).setParameter("id", deliveryId)
                    .executeUpdate();
        });
        if (exhausted) {
            LOG.warnf("Webhook delivery %s failed %d times (last: %s); it stays in the delivery log", deliveryId, attempt, error);
        }
    }

    /** Hex HMAC-SHA256 of {@code <timestamp>.<body>} with the webhook's secret. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
