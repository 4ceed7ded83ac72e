package uk.socialprescribing.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.socialprescribing.kafka.KafkaBroker;

/**
 * A real Kafka broker (KRaft) in the test JVM, on a free port of 127.0.0.1, its log in a temporary folder
 * deleted on stop. Tests reach it through a field annotated {@link InjectKafkaBroker}, e.g. to stop and restart it.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private Path logDir;
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            logDir = Files.createTempDirectory("kafka-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.onFreePorts(logDir).start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
        if (logDir != null) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
