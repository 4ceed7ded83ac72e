package uk.socialprescribing.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.socialprescribing.reference.NhsNumber;

/**
 * A stream of referrals through the gateway, as a GP practice system and a link worker send them while something
 * fails underneath: practice A's system POSTs each referral, PCN 1's link worker accepts it with its ETag. Every
 * POST carries an Idempotency-Key and is sent again with the same key while the platform answers 503 (or the
 * connection drops), as a well-behaved client retries; any other failure ends the stream. Every answer is tallied by
 * status, and every 503 must be a problem.
 */
final class ReferralStream implements AutoCloseable {

    /** Distinct NHS numbers from the 999 test range, so that no two of the stream's people are linked as one. */
    private static final AtomicInteger NEXT_PERSON = new AtomicInteger(999_000_000 + ThreadLocalRandom.current().nextInt(0, 900_000));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService senders;
    private final List<Future<String>> referrals = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
    private final List<String> unavailableWithoutProblem = new CopyOnWriteArrayList<>();
    private final String referrer = Principal.REFERRER_A.token();
    private final String linkWorker = Principal.LINK_WORKER_1.token();

    private ReferralStream(int size, int concurrency) {
        senders = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < size; i++) {
            referrals.add(senders.submit(this::referAndAccept));
        }
        senders.shutdown();
    }

    /** Starts {@code size} referrals, four at a time. */
    static ReferralStream start(int size) {
        return new ReferralStream(size, 4);
    }

    /** Waits until this many referrals have been accepted. */
    ReferralStream awaitAccepted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (accepted.get() < count) {
            if (System.nanoTime() > deadline || senders.isTerminated()) {
                throw new AssertionError("Only " + accepted.get() + " of " + count + " referrals were accepted; answers: " + statuses);
            }
            Thread.sleep(50);
        }
        return this;
    }

    /** Waits for the whole stream; the referrals' ids, each received and accepted. */
    List<String> finish() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> ids = new ArrayList<>(referrals.size());
        for (Future<String> referral : referrals) {
            ids.add(referral.get(GIVE_UP_AFTER.toSeconds(), TimeUnit.SECONDS));
        }
        return ids;
    }

    /** How many answers of each status the stream had (-1: no answer, the connection dropped). */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> tally = new ConcurrentSkipListMap<>();
        statuses.forEach((status, count) -> tally.put(status, count.get()));
        return tally;
    }

    /** 503 answers that were not application/problem+json. */
    List<String> unavailableWithoutProblem() {
        return unavailableWithoutProblem;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }

    private String referAndAccept() throws Exception {
        String body = ThinSliceTest.REFERRAL.replace("9434765919", nextNhsNumber());
        HttpResponse<String> created = post("/api/referrals", referrer, body, null, 201);
        String id = JSON.readTree(created.body()).get("id").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        post("/api/referrals/" + id + "/accept", linkWorker, null, etag, 200);
        accepted.incrementAndGet();
        return id;
    }

    private HttpResponse<String> post(String path, String token, String body, String ifMatch, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalPlatform.gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpRequest built = request.build();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            int status;
            HttpResponse<String> response = null;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
            } catch (IOException dropped) {
                status = -1;
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == expected) {
                return response;
            }
            if (status == 503 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                unavailableWithoutProblem.add(path + ": " + response.headers().map() + " " + response.body());
            }
            if ((status != 503 && status != -1) || System.nanoTime() > deadline) {
                throw new AssertionError("POST " + path + " answered " + status + (response == null ? "" : ": " + response.body()));
            }
            Thread.sleep(250);
        }
    }

    /** The next NHS number of the 999 test range: nine digits and their modulus 11 check digit (skipping those without one). */
    static String nextNhsNumber() {
        while (true) {
            String nine = String.valueOf(NEXT_PERSON.getAndIncrement());
            java.util.OptionalInt check = NhsNumber.checkDigit(nine);
            if (check.isPresent()) {
                return nine + check.getAsInt();
            }
        }
    }
}
