package uk.socialprescribing.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import uk.socialprescribing.events.Topic;

/**
 * Creates, at start-up, the topics this service touches, with the catalogue's partition counts (the broker
 * never creates a topic by itself): the topics it publishes to ({@code messaging.publishes}), those its
 * channels read ({@code mp.messaging.incoming.*.topic}) and their dead-letter topics.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    void onStart(@Observes StartupEvent start, Config config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "messaging.publishes") Optional<List<String>> publishes) {
        Set<String> names = new TreeSet<>(publishes.orElse(List.of()));
        for (String property : config.getPropertyNames()) {
            if (property.startsWith("mp.messaging.incoming.")
                    && (property.endsWith(".topic") || property.endsWith(".dead-letter-queue.topic"))) {
                config.getOptionalValue(property, String.class).ifPresent(names::add);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitionsOf(name), (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(topics).values().forEach((name, created) -> {
                try {
                    created.get(30, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s with %d partition(s)", name, partitionsOf(name));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("Could not create topic %s: %s (it is created on a later start)", name, e.getCause());
                    }
                } catch (Exception e) {
                    LOG.warnf("Could not create topic %s: %s (it is created on a later start)", name, e);
                }
            });
        }
    }

    /** The catalogue's count for its topics; one partition for a dead-letter topic. */
    static int partitionsOf(String topicName) {
        return Arrays.stream(Topic.values())
                .filter(t -> t.topicName().equals(topicName))
                .map(Topic::partitions)
                .findFirst()
                .orElse(1);
    }
}
