package uk.socialprescribing.bench;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import uk.socialprescribing.events.EventData;
import uk.socialprescribing.events.EventJson;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.SessionCompleted;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralReceived;

/**
 * The benchmark's event load: whole journeys, as referral-service and caseload-service write them (the catalogue's
 * own payload types, CloudEvents in binary mode, keyed by aggregate), nine events a person (received, accepted,
 * opened, assigned, three sessions, a connection, closed), spread over the past year, for the bench's own broker.
 *
 *   java -cp "bench/target/classes:bench/target/lib/*" uk.socialprescribing.bench.EventFirehose BOOTSTRAP EVENTS
 */
public class EventFirehose {

    static final List<String> PRACTICES = List.of("B82005", "B82018", "B82026", "B82011", "B82033", "B82041");
    static final List<String> CATEGORIES = List.of("walking", "arts-and-crafts", "gardening", "befriending", "singing-and-music",
            "debt-and-money-advice", "physical-activity", "mental-wellbeing");
    static final List<String> REASONS = List.of("loneliness-or-isolation", "low-mood", "bereavement", "debt-or-money", "housing");

    static final AtomicLong FAILED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long events = Long.parseLong(args[1]);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long sent = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config)) {
            while (sent < events) {
                UUID referral = UUID.randomUUID();
                UUID caseId = UUID.randomUUID();
                String practice = PRACTICES.get(random.nextInt(PRACTICES.size()));
                String pcn = List.of("B82011", "B82033", "B82041").contains(practice) ? "U84005" : "U84002";
                Instant received = now.minus(random.nextInt(365 * 24), ChronoUnit.HOURS);
                Instant accepted = received.plus(1 + random.nextInt(120), ChronoUnit.HOURS);
                Instant assigned = accepted.plus(1 + random.nextInt(200), ChronoUnit.HOURS);
                String reason = REASONS.get(random.nextInt(REASONS.size()));
                sent += send(producer, "/referral-service", new ReferralReceived(referral, "gp-practice", practice, practice, pcn,
                        List.of(reason), "routine", received));
                sent += send(producer, "/referral-service", new ReferralAccepted(referral, practice, pcn, "routine", "en", false, accepted));
                sent += send(producer, "/caseload-service", new CaseOpened(caseId, referral, practice, accepted.plusSeconds(1)));
                sent += send(producer, "/caseload-service", new CaseAssigned(caseId, UUID.nameUUIDFromBytes(pcn.getBytes()),
                        "worker." + pcn.toLowerCase(), pcn, assigned));
                Instant session = assigned;
                for (int n = 1; n <= 3; n++) {
                    session = session.plus(7, ChronoUnit.DAYS);
                    sent += send(producer, "/caseload-service", new SessionCompleted(caseId, UUID.randomUUID(), n, "in-person", session));
                }
                String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
                sent += send(producer, "/caseload-service", new ConnectionMade(caseId, UUID.randomUUID(),
                        UUID.nameUUIDFromBytes(category.getBytes()), pcn, category, "attending", null, session.minus(3, ChronoUnit.DAYS)));
                sent += send(producer, "/caseload-service", new CaseClosed(caseId, referral, "goals-met", 3, session.plus(14, ChronoUnit.DAYS)));
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (FAILED.get() > 0) {
            throw new IllegalStateException(FAILED.get() + " of " + sent + " events were not acknowledged by the broker");
        }
        System.out.printf("sent %d events in %.1f s (%.0f events/s)%n", sent, seconds, sent / seconds);
    }

    static int send(KafkaProducer<String, CloudEvent> producer, String source, EventData data) throws Exception {
        EventType type = EventType.of(data);
        Instant time = Instant.now();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create(source))
                .withType(type.cloudEventType())
                .withSubject(data.aggregateId())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(type.schemaUri()))
                .withDataContentType("application/json")
                .withData(EventJson.mapper().writeValueAsBytes(data))
                .build();
        producer.send(new ProducerRecord<>(type.topic().topicName(), data.aggregateId(), event), (metadata, failure) -> {
            if (failure != null && FAILED.getAndIncrement() < 3) {
                System.err.println("not sent: " + failure);
            }
        });
        return 1;
    }
}
