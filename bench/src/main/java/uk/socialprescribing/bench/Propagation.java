package uk.socialprescribing.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.socialprescribing.reference.NhsNumber;

/**
 * Event propagation at a steady rate: referrals POSTed by a GP system and accepted by a link worker through the
 * gateway, RATE a second for SECONDS; then, for each, the time from the acceptance (referral.triaged_at, written in the
 * accepting transaction) to the case opened by caseload-service from referral.accepted (care_case.opened_at, written in
 * the consuming transaction): outbox, relay, Kafka, consumer, inbox and the case, end to end. Both timestamps are taken
 * on this machine's clock just before each transaction commits.
 *
 *   TOKEN_REFERRER=... TOKEN_WORKER=... java -cp "bench/target/classes:bench/target/lib/*" uk.socialprescribing.bench.Propagation \
 *       http://127.0.0.1:8080 RATE SECONDS
 */
public class Propagation {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String referrer = System.getenv("TOKEN_REFERRER");
        String worker = System.getenv("TOKEN_WORKER");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger person = new AtomicInteger(999_500_000 + (int) (System.nanoTime() % 100_000));
        int total = rate * seconds;
        AtomicInteger started = new AtomicInteger();
        long periodMicros = 1_000_000L / rate;
        ticker.scheduleAtFixedRate(() -> {
            if (started.incrementAndGet() > total) {
                return;
            }
            senders.submit(() -> {
                try {
                    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/referrals"))
                            .header("Authorization", "Bearer " + referrer).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(nhsNumber(person)))).build(), HttpResponse.BodyHandlers.ofString());
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("referral: " + created.statusCode() + " " + created.body());
                    }
                    Matcher m = ID.matcher(created.body());
                    m.find();
                    String id = m.group(1);
                    HttpResponse<String> accept = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/referrals/" + id + "/accept"))
                            .header("Authorization", "Bearer " + worker).header("If-Match", created.headers().firstValue("ETag").orElseThrow())
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    if (accept.statusCode() != 200) {
                        throw new IllegalStateException("accept: " + accept.statusCode() + " " + accept.body());
                    }
                    accepted.add(id);
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println(e.getMessage());
                    }
                }
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L + 200);
        ticker.shutdown();
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        List<String> ids = new ArrayList<>(accepted);
        long until = System.nanoTime() + 180_000_000_000L; // the last cases are opened (up to three minutes)
        while (micros("caseload", "select referral_id::text, 0::bigint from care_case where referral_id = any (?)", ids).size() < ids.size()
                && System.nanoTime() < until) {
            Thread.sleep(1_000);
        }
        Map<String, Long> triaged = micros("referral", "select id::text, (extract(epoch from triaged_at) * 1000000)::bigint from referral where id = any (?)", ids);
        Map<String, Long> opened = micros("caseload", "select referral_id::text, (extract(epoch from opened_at) * 1000000)::bigint from care_case where referral_id = any (?)", ids);
        List<Long> millis = new ArrayList<>();
        for (String id : ids) {
            if (triaged.containsKey(id) && opened.containsKey(id)) {
                millis.add(opened.get(id) - triaged.get(id));
            }
        }
        millis.sort(null);
        System.out.printf("accepted %d of %d (%d failed) at %d/s; cases opened for %d%n", ids.size(), total, failed.get(), rate, millis.size());
        System.out.printf("propagation ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(millis, 50), pct(millis, 90), pct(millis, 99),
                millis.isEmpty() ? 0 : millis.get(millis.size() - 1) / 1000.0);
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }

    static Map<String, Long> micros(String database, String sql, List<String> ids) throws Exception {
        Map<String, Long> values = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return values;
    }

    static String body(String nhs) {
        return "{\"person\":{\"nhsNumber\":\"" + nhs + "\",\"givenName\":\"Richard\",\"familyName\":\"Smith\",\"dateOfBirth\":\"1948-03-12\"},"
                + "\"referrer\":{\"name\":\"Dr Asha Patel\",\"role\":\"GP\"},\"reasons\":[{\"code\":\"loneliness-or-isolation\"}],"
                + "\"whatMatters\":\"Lonely since bereavement\",\"consent\":{\"referral\":true,\"shareOutcomeWithReferrer\":true}}";
    }

    static String nhsNumber(AtomicInteger next) {
        while (true) {
            // the platform's own check digit (reference-data)
            String nine = String.valueOf(next.getAndIncrement());
            OptionalInt check = NhsNumber.checkDigit(nine);
            if (check.isPresent()) {
                return nine + check.getAsInt();
            }
        }
    }
}
