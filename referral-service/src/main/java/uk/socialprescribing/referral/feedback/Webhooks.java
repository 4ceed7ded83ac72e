package uk.socialprescribing.referral.feedback;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;


import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;
import uk.socialprescribing.referral.config.ReferralConfig;
import uk.socialprescribing.referral.repository.SqlValues;

/** Referrer organisations' webhooks: registration, removal and the delivery log, each for its own organisation only. */
@ApplicationScoped
public class Webhooks {

    /** A delivery with its attempts, as the referrer's log shows it. */
    public record Delivery(UUID id, UUID messageId, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
            Instant deliveredAt, List<Attempt> attemptLog) {
    }

    public record Attempt(int attempt, Instant at, Integer statusCode, String error, int durationMillis) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final boolean requireHttps;
    private final Clock clock;

    public Webhooks(EntityManager entityManager, Clock clock, ReferralConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.requireHttps = config.webhooks().requireHttps();
    }

    /** Registers a webhook; the returned subscription carries its signing secret, shown this once. */
    @Transactional
    public WebhookSubscription register(String organisation, String registeredBy, String url) {
        URI uri = checkedUrl(url);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID(), organisation, uri.toString(),
                "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), registeredBy, now());
        entityManager.persist(subscription);
        return subscription;
    }

    @Transactional
    public List<WebhookSubscription> of(String organisation) {
        return entityManager.createQuery("from WebhookSubscription s where s.organisation = :organisation and s.removedAt is null"
                + " order by s.createdAt, s.id", WebhookSubscription.class).setParameter("organisation", organisation).getResultList();
    }

    /** Removes the webhook; what is still pending for it is not sent. False when the organisation has no such webhook. */
    @Transactional
    public boolean remove(String organisation, UUID id) {
        WebhookSubscription subscription = find(organisation, id);
        if (subscription == null) {
            return false;
        }
        subscription.removedAt = now();
        entityManager.createQuery("update WebhookDelivery d set d.status = 'FAILED', d.nextAttemptAt = null"
                + " where d.subscriptionId = :id and d.status = 'PENDING'").setParameter("id", id).executeUpdate();
        return true;
    }

    /** The newest deliveries to one of the organisation's webhooks, each with its attempts; null when it is not theirs. */
    @Transactional
    public List<Delivery> deliveries(String organisation, UUID subscriptionId, int limit) {
        if (find(organisation, subscriptionId) == null) {
            return null;
        }
        List<WebhookDelivery> deliveries = entityManager.createQuery("from WebhookDelivery d where d.subscriptionId = :id"
                + " order by d.createdAt desc, d.id", WebhookDelivery.class).setParameter("id", subscriptionId)
                .setMaxResults(limit).getResultList();
        List<Delivery> log = new ArrayList<>();
        for (WebhookDelivery d : deliveries) {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = entityManager.createNativeQuery("select attempt, attempted_at, status_code, error, duration_ms"
                    + " from webhook_attempt where delivery_id = :id order by attempt", Tuple.class)
                    .setParameter("id", d.id).getResultList();
            List<Attempt> attempts = rows.stream().map(r -> new Attempt(((Number) r.get(0)).intValue(), SqlValues.instant(r.get(1)),
                    r.get(2) == null ? null : ((Number) r.get(2)).intValue(), (String) r.get(3), ((Number) r.get(4)).intValue())).toList();
            log.add(new Delivery(d.id, d.messageId, d.status, d.attempts, d.createdAt, d.nextAttemptAt, d.deliveredAt, attempts));
        }
        return log;
    }

    /** The signing secret, for the one answer that shows it. */
    public static String secretOf(WebhookSubscription subscription) {
        return subscription.secret;
    }

    private WebhookSubscription find(String organisation, UUID id) {
        WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, id);
        return subscription == null || subscription.removedAt != null || !subscription.organisation.equals(organisation)
                ? null : subscription;
    }

    private URI checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidField("url", "Url", "must be an absolute URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ProblemException(Problem.invalidField("url", "Url", "must be an absolute http(s) URL"));
        }
        if (requireHttps && !scheme.equals("https")) {
            throw new ProblemException(Problem.invalidField("url", "Https", "must use https: messages carry referral details"));
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new ProblemException(Problem.invalidField("url", "Url", "must not carry credentials or a fragment"));
        }
        return uri;
    }


    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
