package uk.socialprescribing.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.socialprescribing.conventions.NotFound;

/**
 * The records this service's consumers could not process, as their channels' dead-letter topics keep them (SmallRye's
 * dead-letter-queue strategy: the record as it came, with the reason in its headers), and their replay once the cause
 * is mended. A replay hands the record to the channel's own handler ({@link DeadLetterHandlers}), so the inbox still
 * applies it at most once; each replay, and whether it worked, is recorded ({@code dead_letter_replay}). The record
 * stays on its dead-letter topic either way: the topic is the evidence.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration READ_FOR = Duration.ofSeconds(10);

    /** A consumer channel with its topic and dead-letter topic. */
    public record Channel(String name, String topic, String deadLetterTopic) {
    }

    /** One dead-lettered record: where it sits, why it is there, where it came from, and its replays. */
    public record DeadLetter(String channel, String deadLetterTopic, int partition, long offset, Instant deadLetteredAt,
            String reason, String cause, String topic, Integer topicPartition, Long topicOffset, String key,
            String eventId, String eventType, List<Replay> replays) {
    }

    /** A replay: when, by whom, and what came of it (replayed, or failed with the reason). */
    public record Replay(Instant at, String by, String outcome, String detail) {
    }

    /** There is no such record on the channel's dead-letter topic. */
    public static final class NoSuchDeadLetter extends NotFound {
        public NoSuchDeadLetter(String message) {
            super(message);
        }
    }

    /** The replayed record failed again; it stays dead-lettered (answered 422 by {@link DeadLetterProblems}). */
    public static final class StillFailing extends RuntimeException {
        public final transient Replay replay;

        public StillFailing(Replay replay) {
            super(replay.detail());
            this.replay = replay;
        }
    }

    private final Map<String, Channel> channels = new TreeMap<>();
    private final String bootstrapServers;
    private final EntityManager entityManager;
    private final DeadLetterHandlers handlers;

    public DeadLetters(Config config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            EntityManager entityManager, DeadLetterHandlers handlers) {
        this.bootstrapServers = bootstrapServers;
        this.entityManager = entityManager;
        this.handlers = handlers;
        String prefix = "mp.messaging.incoming.";
        String suffix = ".dead-letter-queue.topic";
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(prefix) && property.endsWith(suffix)) {
                String name = property.substring(prefix.length(), property.length() - suffix.length());
                String topic = config.getOptionalValue(prefix + name + ".topic", String.class).orElse(name);
                config.getOptionalValue(property, String.class).ifPresent(dlq -> channels.put(name, new Channel(name, topic, dlq)));
            }
        }
    }

    public List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    /** Every dead letter of one channel, or of all, oldest first, with its replays. */
    public List<DeadLetter> list(Optional<String> channel) {
        List<DeadLetter> found = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (channel.isPresent() && !channel.get().equals(c.name())) {
                continue;
            }
            Map<String, List<Replay>> replays = replaysOf(c.deadLetterTopic());
            for (ConsumerRecord<String, byte[]> record : readAll(c.deadLetterTopic())) {
                found.add(describe(c, record, replays.getOrDefault(record.partition() + "/" + record.offset(), List.of())));
            }
        }
        found.sort(Comparator.comparing(DeadLetter::deadLetteredAt).thenComparing(DeadLetter::offset));
        return found;
    }

    /**
     * Hands one dead letter to its channel's handler again, as if it had just been delivered; records the outcome.
     * Throws {@link NoSuchDeadLetter} for no such record, {@link StillFailing} (after recording it) when it fails again.
     */
    public Replay replay(String channelName, int partition, long offset, String by) {
        Channel channel = Optional.ofNullable(channels.get(channelName))
                .orElseThrow(() -> new NoSuchDeadLetter("This service has no channel " + channelName + "; its channels: " + channels.keySet()));
        Consumer<ConsumerRecord<String, byte[]>> handler = handlers.byChannel().get(channelName);
        if (handler == null) {
            throw new IllegalStateException("No dead-letter handler for channel " + channelName);
        }
        ConsumerRecord<String, byte[]> dead = readOne(channel.deadLetterTopic(), partition, offset)
                .orElseThrow(() -> new NoSuchDeadLetter("No record at " + channel.deadLetterTopic() + " partition " + partition + " offset " + offset));
        ConsumerRecord<String, byte[]> redelivered = new ConsumerRecord<>(channel.topic(),
                intHeader(dead.headers(), "dead-letter-partition").orElse(0), longHeader(dead.headers(), "dead-letter-offset").orElse(-1L),
                dead.timestamp(), TimestampType.CREATE_TIME, -1, -1, dead.key(), dead.value(), withoutDeadLetterHeaders(dead.headers()),
                Optional.empty());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Replay replay;
        try {
            handler.accept(redelivered);
            replay = new Replay(at, by, "replayed", "handed to " + channelName + "'s handler; the inbox applies an event at most once");
        } catch (RuntimeException e) {
            replay = new Replay(at, by, "failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        record(channel.deadLetterTopic(), partition, offset, replay);
        LOG.infof("Dead letter %s/%d/%d replayed by %s: %s (%s)", channel.deadLetterTopic(), partition, offset, by, replay.outcome(), replay.detail());
        if (replay.outcome().equals("failed")) {
            throw new StillFailing(replay);
        }
        return replay;
    }

    private DeadLetter describe(Channel channel, ConsumerRecord<String, byte[]> record, List<Replay> replays) {
        Headers headers = record.headers();
        return new DeadLetter(channel.name(), record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                header(headers, "dead-letter-reason").orElse(null), header(headers, "dead-letter-cause").orElse(null),
                header(headers, "dead-letter-topic").orElse(channel.topic()), intHeader(headers, "dead-letter-partition").orElse(null),
                longHeader(headers, "dead-letter-offset").orElse(null), record.key(), header(headers, "ce_id").orElse(null),
                header(headers, "ce_type").orElse(null), replays);
    }

    private void record(String topic, int partition, long offset, Replay replay) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into dead_letter_replay (dlq_topic, dlq_partition, dlq_offset, replayed_at, replayed_by, outcome, detail)
                values (:topic, :partition, :offset, :at, :by, :outcome, :detail)""")
                .setParameter("topic", topic).setParameter("partition", partition).setParameter("offset", offset)
                .setParameter("at", replay.at()).setParameter("by", replay.by()).setParameter("outcome", replay.outcome())
                .setParameter("detail", replay.detail()).executeUpdate());
    }

    private Map<String, List<Replay>> replaysOf(String topic) {
        Map<String, List<Replay>> replays = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = entityManager.createNativeQuery("""
                    select dlq_partition, dlq_offset, replayed_at, replayed_by, outcome, detail from dead_letter_replay
                    where dlq_topic = :topic order by replayed_at""", Tuple.class).setParameter("topic", topic).getResultList();
            for (Tuple t : rows) {
                replays.computeIfAbsent(t.get(0) + "/" + t.get(1), k -> new ArrayList<>()).add(new Replay(
                        t.get(2, Instant.class), t.get(3, String.class), t.get(4, String.class), t.get(5, String.class)));
            }
        });
        return replays;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-admin",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_FOR.toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A dead-letter topic from its beginning to its end now (they are small; retention keeps them a while). */
    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_FOR).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_FOR);
            Instant deadline = Instant.now().plus(READ_FOR);
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_FOR) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private Optional<ConsumerRecord<String, byte[]>> readOne(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic, READ_FOR).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), READ_FOR).get(tp);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            Instant deadline = Instant.now().plus(READ_FOR);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static Headers withoutDeadLetterHeaders(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header h : headers) {
            if (!h.key().startsWith("dead-letter-")) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static Optional<String> header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    private static Optional<Integer> intHeader(Headers headers, String name) {
        return header(headers, name).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Long> longHeader(Headers headers, String name) {
        return header(headers, name).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
