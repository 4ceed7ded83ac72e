package uk.socialprescribing.kafka;

import java.nio.file.Path;
import java.util.Map;

/**
 * The standalone broker of the local platform: {@code java -jar kafka-broker.jar <port> <controller-port> <log-dir>}.
 * Runs until it is stopped (SIGTERM shuts it down cleanly).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KafkaBrokerMain <port> <controller-port> <log-dir>");
            System.exit(2);
        }
        KafkaBroker broker = new KafkaBroker(Path.of(args[2]), Integer.parseInt(args[0]), Integer.parseInt(args[1]), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-shutdown"));
        broker.start();
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + ", data in " + args[2]);
        Thread.currentThread().join();
    }
}
