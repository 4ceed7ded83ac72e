package uk.socialprescribing.referral.feedback;

import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.OutboundAddresses;
import uk.socialprescribing.conventions.PageRequest;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.Slice;
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
    private final boolean allowLoopback;
    private final OutboundAddresses allowed;
    private final Clock clock;
    private final ReferrerFeedback feedback;
    private final WebhookSecrets secrets;

    public Webhooks(EntityManager entityManager, Clock clock, ReferralConfig config, ReferrerFeedback feedback, WebhookSecrets secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
        this.clock = clock;
        this.allowLoopback = config.webhooks().allowLoopback();
        this.allowed = OutboundAddresses.allowing(config.webhooks().allowedAddresses().orElse(List.of()));
        this.feedback = feedback;
    }

    /** A test message to one of the organisation's webhooks, queued at once; null when the webhook is not theirs. */
    @Transactional
    public FeedbackMessage sendTest(String organisation, UUID id) {
        WebhookSubscription subscription = find(organisation, id);
        return subscription == null ? null : feedback.test(organisation, subscription.id());
    }

    /** Registers a webhook; the returned subscription carries its signing secret, shown this once. */
    @Transactional
    public WebhookSubscription register(String organisation, String registeredBy, String url) {
        URI uri = checkedUrl(url);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        WebhookSubscription subscription = new WebhookSubscription(id, organisation, uri.toString(), secrets.seal(id, secret),
                registeredBy, now());
        subscription.shownOnce = secret;
        entityManager.persist(subscription);
        return subscription;
    }

    @Transactional
    public Slice<WebhookSubscription> of(String organisation, PageRequest page) {
        String where = " where s.organisation = :organisation and s.removedAt is null";
        return Slice.of(entityManager.createQuery("from WebhookSubscription s" + where + " order by s.createdAt, s.id", WebhookSubscription.class)
                .setParameter("organisation", organisation), entityManager.createQuery("select count(s) from WebhookSubscription s" + where,
                        Long.class).setParameter("organisation", organisation), page);
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
    public Slice<Delivery> deliveries(String organisation, UUID subscriptionId, PageRequest page) {
        if (find(organisation, subscriptionId) == null) {
            return null;
        }
        Slice<WebhookDelivery> deliveries = Slice.of(entityManager.createQuery("from WebhookDelivery d where d.subscriptionId = :id"
                + " order by d.createdAt desc, d.id", WebhookDelivery.class).setParameter("id", subscriptionId),
                entityManager.createQuery("select count(d) from WebhookDelivery d where d.subscriptionId = :id", Long.class)
                        .setParameter("id", subscriptionId), page);
        List<Delivery> log = new ArrayList<>();
        for (WebhookDelivery d : deliveries.items()) {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = entityManager.createNativeQuery("select attempt, attempted_at, status_code, error, duration_ms"
                    + " from webhook_attempt where delivery_id = :id order by attempt", Tuple.class)
                    .setParameter("id", d.id).getResultList();
            List<Attempt> attempts = rows.stream().map(r -> new Attempt(((Number) r.get(0)).intValue(), SqlValues.instant(r.get(1)),
                    r.get(2) == null ? null : ((Number) r.get(2)).intValue(), (String) r.get(3), ((Number) r.get(4)).intValue())).toList();
            log.add(new Delivery(d.id, d.messageId, d.status, d.attempts, d.createdAt, d.nextAttemptAt, d.deliveredAt, attempts));
        }
        return new Slice<>(log, deliveries.totalItems());
    }

    /** The signing secret, for the one answer that shows it. */
    public static String secretOf(WebhookSubscription subscription) {
        return subscription.shownOnce;
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
            throw new InvalidInput("url", "Url", "must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInput("url", "Url", "must be an absolute http(s) URL");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new InvalidInput("url", "Url", "must not carry credentials or a fragment");
        }
        refusal(uri, allowLoopback, allowed).ifPresent(error -> {
            throw new InvalidInput("url", error.rule(), error.message());
        });
        return uri;
    }

    /** As {@link #refusal(URI, boolean, OutboundAddresses)}, public addresses only. */
    public static Optional<Problem.FieldError> refusal(URI uri, boolean allowLoopback) {
        return refusal(uri, allowLoopback, OutboundAddresses.publicOnly());
    }

    /**
     * Why a webhook may not be sent to this address, if it may not: it is https, and on a public address or one in a
     * block the deployment allows (OutboundAddresses); a loopback address only where allowed (trying webhooks locally),
     * over http or https. Checked on registration and again before every delivery (a name may come to point elsewhere);
     * deliveries never follow a redirect. A name that does not resolve is left to the delivery to fail.
     */
    public static Optional<Problem.FieldError> refusal(URI uri, boolean allowLoopback, OutboundAddresses allowed) {
        InetAddress[] addresses = OutboundAddresses.resolve(uri);
        if (OutboundAddresses.isLoopback(addresses)) {
            return allowLoopback ? Optional.empty()
                    : Optional.of(new Problem.FieldError("url", "PublicAddress", "must not be on this machine (a loopback address)"));
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of(new Problem.FieldError("url", "Https", "must use https: messages carry referral details"));
        }
        return allowed.refusal("url", addresses);
    }

    private Instant now() {
        return clock.instant();
    }
}
