package uk.socialprescribing.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import uk.socialprescribing.e2e.AuthorizationMatrixTest.Call;
import uk.socialprescribing.e2e.AuthorizationMatrixTest.Recipe;

/**
 * Bad input, at least {@value BadRequests#FULL} requests for every operation of the API document in the full run (see
 * {@link BadRequests}), each sent through the gateway as a principal the authorization matrix lets in, so that the
 * service itself has to judge the input: no answer may be a 5xx, every refusal must be a problem (RFC 9457; an
 * OperationOutcome on the FHIR routes), and whatever breaks the contract must be refused. The tally per operation is
 * written to target/bad-input.md, every failure to target/bad-input-failures.txt. {@code ./mvnw verify} runs a bounded
 * version: every request made from the document, and random ones up to {@value BadRequests#BOUNDED} an operation. The
 * full run (some 19,000 requests, about 8 minutes here) is
 * {@code ./mvnw -pl e2e-tests verify -Dtest=BadInputFuzzTest -Dfuzz.perOperation=200} (after {@code ./mvnw install -DskipTests}).
 */
@ExtendWith(PlatformUp.class)
@Order(6)
class BadInputFuzzTest {

    record Tally(int sent, int refused, int accepted) {
    }

    @Test
    void everyOperationRefusesBadInputWithAProblemAndNeverAServerError() throws Exception {
        AuthorizationMatrix matrix = AuthorizationMatrix.read(AuthorizationMatrixTest.TABLE);
        HttpServer feed = AuthorizationMatrixTest.neighbouringFeed();
        List<String> failures = new ArrayList<>();
        Map<String, Tally> tallies = new TreeMap<>();
        try {
            Map<String, Recipe> recipes = AuthorizationMatrixTest.recipes(new AuthorizationMatrixTest.Fixtures(), feed.getAddress().getPort());
            for (String operation : AuthorizationMatrixTest.operations()) {
                Principal who = principalFor(matrix.rows().get(operation));
                Call good;
                try {
                    good = recipes.get(operation).prepare(who, false);
                } catch (AssertionError e) {
                    // an odd but valid request before this one changed a shared fixture (withdrew the listing, closed
                    // the case): fresh ones
                    recipes = AuthorizationMatrixTest.recipes(new AuthorizationMatrixTest.Fixtures(), feed.getAddress().getPort());
                    good = recipes.get(operation).prepare(who, false);
                }
                List<BadRequests.Mutant> mutants = BadRequests.of(operation, good, definition(operation), operation.hashCode(),
                        BadRequests.perOperation());
                int refused = 0;
                for (BadRequests.Mutant mutant : mutants) {
                    HttpResponse<String> answer;
                    try {
                        answer = send(mutant.call(), who);
                    } catch (IOException e) {
                        failures.add(operation + " [" + mutant.what() + "] as " + who.column + ": no answer (" + e + ")");
                        continue;
                    }
                    int status = answer.statusCode();
                    String type = answer.headers().firstValue("Content-Type").orElse("none");
                    if (status >= 500) {
                        failures.add(operation + " [" + mutant.what() + "] as " + who.column + ": " + status + " "
                                + AuthorizationMatrixTest.abbreviated(answer.body()));
                    } else if (status >= 400 && !type.startsWith("application/problem+json") && !type.startsWith("application/fhir+json")) {
                        failures.add(operation + " [" + mutant.what() + "] as " + who.column + ": " + status + " without a problem (" + type + ")");
                    } else if (mutant.mustRefuse() && status < 400) {
                        failures.add(operation + " [" + mutant.what() + "] as " + who.column + ": accepted with " + status);
                    }
                    refused += status >= 400 ? 1 : 0;
                }
                tallies.put(operation, new Tally(mutants.size(), refused, mutants.size() - refused));
            }
        } finally {
            feed.stop(0);
        }
        StringBuilder report = new StringBuilder("| Operation | bad requests sent | refused (4xx) | accepted | 5xx |\n|---|---|---|---|---|\n");
        tallies.forEach((operation, t) -> report.append("| `").append(operation).append("` | ").append(t.sent()).append(" | ").append(t.refused())
                .append(" | ").append(t.accepted()).append(" | ").append(failures.stream().filter(f -> f.startsWith(operation + " [") && f.contains(": 5")).count())
                .append(" |\n"));
        int sent = tallies.values().stream().mapToInt(Tally::sent).sum();
        report.append("\n").append(sent).append(" requests, ").append(failures.size()).append(" failures\n");
        Files.writeString(Path.of("target/bad-input.md"), report);
        Files.writeString(Path.of("target/bad-input-failures.txt"), String.join("\n", failures) + "\n");
        assertTrue(tallies.values().stream().allMatch(t -> t.sent() >= BadRequests.perOperation()),
                "fewer than " + BadRequests.perOperation() + " for some operation");
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " bad requests were not answered as they should be:\n"
                + String.join("\n", failures.subList(0, Math.min(200, failures.size()))) + "\n(all of them: target/bad-input-failures.txt)");
    }

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * The request as a client would send it (java.net.http, keeping its connections): path segments percent-encoded
     * except where the mutant wrote a percent escape itself (%00 arrives as a NUL), query values encoded whole.
     */
    static HttpResponse<String> send(Call call, Principal who) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(LocalPlatform.gateway());
        for (String segment : call.path().split("/", -1)) {
            if (uri.length() > LocalPlatform.gateway().length() || !segment.isEmpty()) {
                uri.append('/');
            }
            uri.append(encodeSegment(segment));
        }
        String separator = "?";
        for (Map.Entry<String, String> parameter : call.query().entrySet()) {
            uri.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(60));
        String token = who.token();
        if (token != null && !call.headers().containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        call.headers().forEach(request::header);
        if (call.body() != null) {
            request.header("Content-Type", call.contentType());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escape || (b < 0x80 && (Character.isLetterOrDigit(b) || "-._~!$&'()*+,;=:@".indexOf(b) >= 0))) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    /** One the matrix lets do it, so that the answer is the service's judgement of the input, not a refusal of the caller. */
    static Principal principalFor(Map<Principal, Integer> expected) {
        for (Principal who : Principal.values()) {
            if (expected.get(who) < 300) {
                return who;
            }
        }
        for (Principal who : Principal.values()) {
            if (expected.get(who) != 401 && expected.get(who) != 403) {
                return who;
            }
        }
        return Principal.ADMIN;
    }

    static JsonNode definition(String operation) {
        String[] parts = operation.split(" ", 2);
        return ApiDocument.get().at("/paths/" + parts[1].replace("~", "~0").replace("/", "~1") + "/" + parts[0].toLowerCase());
    }
}
