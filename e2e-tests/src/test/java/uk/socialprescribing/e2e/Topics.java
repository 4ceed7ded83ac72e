package uk.socialprescribing.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The platform's Kafka as an operator sees it: consumer groups' offsets and lag, dead-letter topics. */
final class Topics implements AutoCloseable {

    /** Every service's consumer group (each service consumes as one group, named after itself). */
    static final List<String> GROUPS = List.of("referral-service", "caseload-service", "directory-service", "outcomes-service");

    private final Admin admin;

    Topics() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LocalPlatform.KAFKA);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        admin = Admin.create(config);
    }

    /** Records on each dead-letter topic (a topic ending in .dlq). */
    Map<String, Long> deadLettered() throws ExecutionException, InterruptedException {
        List<String> dlqs = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq")).sorted().toList();
        Map<String, Long> records = new TreeMap<>();
        for (var description : admin.describeTopics(dlqs).allTopicNames().get().values()) {
            Map<TopicPartition, OffsetSpec> ends = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(description.name(), p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetSpec> starts = ends.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            long end = admin.listOffsets(ends).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
            long start = admin.listOffsets(starts).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
            records.put(description.name(), end - start);
        }
        return records;
    }

    /** For each group, how many records of its topics it has yet to commit (0: caught up). */
    Map<String, Long> lag() throws ExecutionException, InterruptedException {
        Map<String, Long> lag = new TreeMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .filter(p -> !p.topic().endsWith(".dlq"))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            long behind = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                behind += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            lag.put(group, behind);
        }
        return lag;
    }

    /**
     * Moves every group back to the start of every partition it has consumed (kafka-consumer-groups --reset-offsets
     * --to-earliest): its next start reads each topic again from offset 0. The groups must have no members, i.e. the
     * services be stopped.
     */
    void rewindEveryGroup() throws ExecutionException, InterruptedException {
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> earliest = committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((partition, start) -> rewound.put(partition, new OffsetAndMetadata(start.offset())));
            if (rewound.values().stream().anyMatch(o -> o.offset() != 0)) {
                throw new IllegalStateException("A topic of " + group + " no longer starts at offset 0: " + rewound);
            }
            admin.alterConsumerGroupOffsets(group, rewound).all().get();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
