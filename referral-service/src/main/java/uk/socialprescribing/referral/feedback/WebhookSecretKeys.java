package uk.socialprescribing.referral.feedback;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import uk.socialprescribing.referral.config.ReferralConfig;

/**
 * The webhook secrets' keys, from {@code referral.webhooks.secret-keys}, checked at start; and the job that reseals,
 * a batch at a time, every secret not yet under the current key: those of a key being rotated out, and any stored
 * before secrets were sealed. Rows are taken with SKIP LOCKED, so replicas share the work.
 */
@ApplicationScoped
public class WebhookSecretKeys {

    private static final Logger LOG = Logger.getLogger(WebhookSecretKeys.class);
    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final WebhookSecrets secrets;
    private volatile boolean announced;

    public WebhookSecretKeys(EntityManager entityManager, WebhookSecrets secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
    }

    @Produces
    @Singleton
    static WebhookSecrets secrets(ReferralConfig config) {
        return WebhookSecrets.of(config.webhooks().secretKeys().orElse(List.of()));
    }

    /** A missing or bad key stops the service at start, saying what is wrong. */
    void onStart(@Observes StartupEvent start) {
        LOG.debugf("webhook secrets are sealed under key '%s'", secrets.currentKey());
    }

    @Scheduled(every = "${referral.webhooks.reseal-interval:60s}", delay = 5, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resealOnSchedule() {
        int resealed;
        do {
            resealed = reseal();
        } while (resealed == BATCH);
    }

    /** Reseals up to a batch of secrets under the current key; how many it resealed. */
    public int reseal() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = entityManager.createNativeQuery("""
                    select id, secret from webhook_subscription where secret not like :current
                    order by id limit :batch for update skip locked""", Tuple.class)
                    .setParameter("current", WebhookSecrets.PREFIX + secrets.currentKey() + ":%").setParameter("batch", BATCH)
                    .getResultList();
            int resealed = 0;
            for (Tuple row : rows) {
                UUID id = (UUID) row.get(0);
                String plain;
                try {
                    plain = secrets.open(id, (String) row.get(1));
                } catch (WebhookSecrets.Unreadable e) {
                    LOG.warnf("Webhook %s: %s; it is left as it is", id, e.getMessage());
                    continue;
                }
                entityManager.createNativeQuery("update webhook_subscription set secret = :sealed where id = :id")
                        .setParameter("sealed", secrets.seal(id, plain)).setParameter("id", id).executeUpdate();
                resealed++;
            }
            if (resealed > 0) {
                announced = false;
                LOG.infof("Resealed %d webhook secret(s) under key '%s'", resealed, secrets.currentKey());
            } else if (!announced && rows.isEmpty()) {
                announced = true;
                LOG.infof("Every webhook secret is sealed under key '%s': older keys may be removed", secrets.currentKey());
            }
            return resealed;
        });
    }
}
