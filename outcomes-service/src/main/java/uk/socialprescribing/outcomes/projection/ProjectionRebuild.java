package uk.socialprescribing.outcomes.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.socialprescribing.conventions.Unavailable;
import uk.socialprescribing.messaging.AdvisoryLocks;
import uk.socialprescribing.messaging.inbox.ReceivedEvent;
import uk.socialprescribing.messaging.inbox.UnprocessableEventException;

/**
 * Rebuilds the projections from the topics: replays referral-events and caseload-events from their first offset into
 * a fresh schema, then, with the live consumers held (the swap lock), reads what arrived meanwhile and swaps the new
 * schema in, in one transaction. Live consumers resume on the new schema; an event both applied is harmless (see
 * {@link Projector}). Records that cannot be read are skipped and counted: the live consumers dead-lettered them.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    static final List<String> TOPICS = List.of("referral-events", "caseload-events");
    static final int BATCH = 500;

    /** What a rebuild did. */
    public record Result(String schema, String replaced, long events, long skipped, long millis, double eventsPerSecond) {
    }

    private final EntityManager entityManager;
    private final Projections projections;
    private final Projector projector;
    private final String bootstrapServers;

    private final AdvisoryLocks locks;

    public ProjectionRebuild(EntityManager entityManager, Projections projections, Projector projector,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, AdvisoryLocks locks) {
        this.locks = locks;
        this.entityManager = entityManager;
        this.projections = projections;
        this.projector = projector;
        this.bootstrapServers = bootstrapServers;
    }

    public synchronized Result rebuild() {
        long started = System.nanoTime();
        String old = QuarkusTransaction.requiringNew().call(projections::current);
        String next = "projection_" + (Integer.parseInt(old.substring("projection_".length())) + 1);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("drop schema if exists " + Projections.checked(next) + " cascade").executeUpdate();
            projections.create(next);
        });
        long[] counts = new long[2];
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // everything there was when the rebuild began, in batches of their own transactions
            replay(consumer, consumer.endOffsets(partitions), next, counts, false);
            // statistics for the planner before the schema is swapped in: without them it takes a million facts for a
            // hundred and plans the metrics accordingly (a query of seconds became one of minutes)
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<String> tables = entityManager.createNativeQuery("select tablename from pg_tables where schemaname = :schema")
                        .setParameter("schema", next).getResultList();
                for (String table : tables) {
                    entityManager.createNativeQuery("analyze " + Projections.checked(next) + "." + table.replaceAll("[^a-z_]", ""))
                            .executeUpdate();
                }
            });
            // then what arrived meanwhile, with the live consumers held, and the swap, in one transaction
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                locks.exclusive(Projections.SWAP, "live");
                replay(consumer, consumer.endOffsets(partitions), next, counts, true);
                entityManager.createNativeQuery("update projection_generation set projection = :schema, built_at = now(), events = :events "
                        + "where id = 1").setParameter("schema", next).setParameter("events", counts[0]).executeUpdate();
            });
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("drop schema if exists " + Projections.checked(old) + " cascade")
                .executeUpdate());
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        LOG.infof("Projections rebuilt into %s from %d events (%d skipped) in %d ms", next, counts[0], counts[1], millis);
        return new Result(next, old, counts[0], counts[1], millis, Math.round(counts[0] * 1000.0 / millis * 10) / 10.0);
    }

    /** Reads every partition up to its end offset; in batches of their own transactions unless already in one. */
    private void replay(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end, String schema, long[] counts, boolean inTransaction) {
        Map<TopicPartition, Long> remaining = new HashMap<>(end);
        remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (!remaining.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw Unavailable.now("rebuild-timeout",
                        "The topics could not be read to their end within 30 minutes; the projections were not swapped");
            }
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                Long stop = remaining.get(tp);
                if (stop != null && record.offset() < stop) {
                    batch.add(record);
                }
            }
            for (int from = 0; from < batch.size(); from += BATCH) {
                List<ConsumerRecord<String, byte[]>> part = batch.subList(from, Math.min(batch.size(), from + BATCH));
                Runnable apply = () -> {
                    List<ReceivedEvent> events = new ArrayList<>(part.size());
                    for (ConsumerRecord<String, byte[]> record : part) {
                        try {
                            events.add(ReceivedEvent.from(record));
                        } catch (UnprocessableEventException e) {
                            counts[1]++;
                        }
                    }
                    projector.applyAll(schema, events);
                    counts[0] += events.size();
                };
                if (inTransaction) {
                    apply.run();
                } else {
                    QuarkusTransaction.requiringNew().run(apply);
                }
            }
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "outcomes-rebuild-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
