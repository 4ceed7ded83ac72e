package uk.socialprescribing.messaging.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import uk.socialprescribing.events.RequestId;
import uk.socialprescribing.messaging.AdvisoryLocks;

/**
 * Publishes the outbox to Kafka, oldest first, as CloudEvents (binary mode, JSON data, key = aggregate id).
 * <p>
 * One relay at a time per database (a transaction-scoped advisory lock), so replicas that race keep each
 * aggregate's order. An event is marked published only once the broker has acknowledged it (acks=all,
 * idempotent producer). While Kafka is away nothing is marked: the events wait and leave on recovery.
 * Delivery is therefore at least once; consumers are idempotent by event id.
 * <p>
 * The relay runs on one thread of its own: woken as soon as a transaction that recorded events commits, and
 * every {@code outbox.relay.interval} in any case (events of another replica, a broker that came back).
 * Published events are kept for {@code outbox.retention}, then deleted.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final Producer<String, CloudEvent> producer;
    private final String source;
    private final int batchSize;
    private final long sendTimeoutMillis;
    private final Duration retention;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean brokerWasAway;

    private final AdvisoryLocks locks;
    private final Clock clock;

    public OutboxRelay(EntityManager entityManager, Producer<String, CloudEvent> producer,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "outbox.relay.send-timeout", defaultValue = "PT30S") Duration sendTimeout,
            @ConfigProperty(name = "outbox.retention", defaultValue = "P7D") Duration retention,
            MeterRegistry registry, AdvisoryLocks locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
        this.entityManager = entityManager;
        this.producer = producer;
        this.source = "/" + applicationName;
        this.batchSize = batchSize;
        this.sendTimeoutMillis = sendTimeout.toMillis();
        this.retention = retention;
        registry.gauge("outbox.pending", this, OutboxRelay::pendingCount);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wake();
    }

    @Scheduled(every = "${outbox.relay.interval:1s}", delay = 1, delayUnit = TimeUnit.SECONDS)
    void poll() {
        wake();
    }

    /** Runs the relay on its thread; wakes that arrive while one is queued add nothing. */
    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        relayPending();
                    } catch (RuntimeException e) {
                        LOG.warnf("The outbox relay failed (%s); it runs again shortly", e.toString());
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                wakeQueued.set(false);
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    void relayPending() {
        int published;
        do {
            published = QuarkusTransaction.requiringNew().timeout(120).call(this::publishBatch);
        } while (published == batchSize);
    }

    /** Publishes up to one batch; returns how many events were acknowledged by the broker. */
    int publishBatch() {
        boolean elected = locks.tryExclusive("messaging.outbox-relay", "elected");
        if (!elected) {
            return 0;
        }
        List<OutboxEvent> pending = entityManager
                .createQuery("from OutboxEvent e where e.publishedAt is null order by e.seq", OutboxEvent.class)
                .setMaxResults(batchSize)
                .getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(pending.size());
        for (OutboxEvent event : pending) {
            sends.add(producer.send(new ProducerRecord<>(event.topic, event.aggregateId, toCloudEvent(event))));
        }
        int acknowledged = 0;
        for (int i = 0; i < pending.size(); i++) {
            OutboxEvent event = pending.get(i);
            try {
                sends.get(i).get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
                event.published(clock.instant());
                acknowledged++;
            } catch (ExecutionException | TimeoutException e) {
                // stop at the first failure: what follows is sent again, after it, on the next run
                event.failed(e.getCause() == null ? e.toString() : e.getCause().toString());
                if (!brokerWasAway) {
                    LOG.warnf("Kafka did not acknowledge %s (%s); %d event(s) wait in the outbox and go out on recovery",
                            event.eventId, e.getCause() == null ? e : e.getCause(), pending.size() - acknowledged);
                }
                brokerWasAway = true;
                return acknowledged;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return acknowledged;
            }
        }
        if (brokerWasAway) {
            LOG.info("Kafka is back: the outbox is being published again");
            brokerWasAway = false;
        }
        return acknowledged;
    }

    /** Deletes what was published before the retention period; what waits is never deleted. */
    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES)
    void purgePublished() {
        int deleted = purgePublishedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.infof("Deleted %d event(s) published more than %s ago from the outbox", deleted, retention);
        }
    }

    public int purgePublishedBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("delete from OutboxEvent e where e.publishedAt is not null and e.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    CloudEvent toCloudEvent(OutboxEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1();
        if (event.requestId != null) {
            builder.withExtension(RequestId.EXTENSION, event.requestId);
        }
        return builder
                .withId(event.eventId.toString())
                .withSource(URI.create(source))
                .withType(event.eventType)
                .withSubject(event.aggregateId)
                .withTime(event.occurredAt.atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(event.dataSchema))
                .withDataContentType("application/json")
                .withData(event.data.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    long pendingCount() {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> (Long) entityManager
                    .createQuery("select count(e) from OutboxEvent e where e.publishedAt is null").getSingleResult());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
