package uk.socialprescribing.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a link worker a caseload of CASES open cases for the web pages' benchmark, through the gateway as its users
 * would: their caps raised to hold them (by their lead), then referrals made by a GP system, accepted by a link worker
 * and, where the allocation chose a colleague, reassigned to them by the lead. Prints one of their cases as "CASE id".
 *
 *   TOKEN_REFERRER=... TOKEN_WORKER=... TOKEN_LEAD=... java -cp "bench/target/classes:bench/target/lib/*" \
 *       uk.socialprescribing.bench.WebCaseload http://127.0.0.1:8080 USERNAME CASES
 */
public class WebCaseload {

    static final Pattern HOLDER = Pattern.compile("\"linkWorkerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String username = args[1];
        int wanted = Integer.parseInt(args[2]);
        String referrer = System.getenv("TOKEN_REFERRER");
        String worker = System.getenv("TOKEN_WORKER");
        String lead = System.getenv("TOKEN_LEAD");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // the link worker, and room for the cases under both caps
        String team = send(http, get(gateway + "/api/caseload/link-workers?size=100", lead), 200).body();
        Matcher who = Pattern.compile("\\{\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"username\"\\s*:\\s*\"" + Pattern.quote(username) + "\"")
                .matcher(team);
        if (!who.find()) {
            throw new IllegalStateException(username + " is not a link worker of the lead's network: " + team);
        }
        String workerId = who.group(1);
        HttpResponse<String> read = send(http, get(gateway + "/api/caseload/link-workers/" + workerId, lead), 200);
        String details = read.body().replaceAll("\"activeCaseCap\"\\s*:\\s*\\d+", "\"activeCaseCap\":" + Math.min(500, wanted + 50))
                .replaceAll("\"yearlyCap\"\\s*:\\s*\\d+", "\"yearlyCap\":400")
                // the view's fields that are not the details' (PUT takes only what a lead describes)
                .replaceAll("\"id\"\\s*:\\s*\"[^\"]*\"\\s*,", "")
                .replaceAll(",\\s*\"(activeCases|takenOnThisYear|spareCapacity)\"\\s*:\\s*\\d+", "");
        send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/caseload/link-workers/" + workerId)).header("Authorization", "Bearer " + lead)
                .header("If-Match", read.headers().firstValue("ETag").orElseThrow()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(details)).build(), 200);
        int active = Integer.parseInt(field(send(http, get(gateway + "/api/caseload/link-workers/" + workerId, lead), 200).body(), "activeCases"));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger person = new AtomicInteger(999_600_000 + (int) (System.nanoTime() % 100_000));
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < Math.max(1, wanted - active); i++) {
            made.add(pool.submit(() -> {
                HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/referrals"))
                        .header("Authorization", "Bearer " + referrer).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Propagation.body(Propagation.nhsNumber(person)))).build(), 201);
                String referral = field(created.body(), "id");
                send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/referrals/" + referral + "/accept")).header("Authorization", "Bearer " + worker)
                        .header("If-Match", created.headers().firstValue("ETag").orElseThrow()).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
                String caseId = null;
                for (int tries = 0; caseId == null && tries < 600; tries++) {
                    Matcher id = Propagation.ID.matcher(send(http, get(gateway + "/api/caseload/cases?referralId=" + referral, lead), 200).body());
                    if (id.find()) {
                        caseId = id.group(1);
                    } else {
                        Thread.sleep(100);
                    }
                }
                if (caseId == null) {
                    throw new IllegalStateException("no case opened for referral " + referral);
                }
                HttpResponse<String> c = send(http, get(gateway + "/api/caseload/cases/" + caseId, lead), 200);
                Matcher holder = HOLDER.matcher(c.body());
                if (!holder.find() || !holder.group(1).equals(workerId)) {
                    send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/caseload/cases/" + caseId + "/assign"))
                            .header("Authorization", "Bearer " + lead).header("Content-Type", "application/json")
                            .header("If-Match", c.headers().firstValue("ETag").orElseThrow())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"linkWorkerId\":\"" + workerId + "\"}")).build(), 200);
                }
                return caseId;
            }));
        }
        String one = null;
        for (Future<String> f : made) {
            one = f.get();
        }
        pool.shutdown();
        String now = send(http, get(gateway + "/api/caseload/link-workers/" + workerId, lead), 200).body();
        System.out.printf("caseload %s active_cases=%s (%d made)%n", username, field(now, "activeCases"), made.size());
        System.out.println("CASE " + one);
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + json);
        }
        return m.group(1);
    }
}
