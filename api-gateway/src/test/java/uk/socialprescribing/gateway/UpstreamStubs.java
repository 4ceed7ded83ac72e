package uk.socialprescribing.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Three upstreams that answer with what reached them (service, method, path, query, whether a token came, body),
 * and one upstream, outcomes-service, that is not there at all.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    /**
     * While set, /api/caseload/flaky answers 500, as a failing service would. A test sets it by calling the stub itself:
     * {@code /__control/failing?on=true} (the stub runs where the test resource was loaded, so a static field shared
     * with the test class could be another copy).
     */
    private final java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * /api/…/drops-once?key=K: the first request for each K has its connection closed without an answer, as an
     * instance that stops would; later ones are answered with how many tries arrived.
     */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> tries = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : List.of("referral-service", "caseload-service", "directory-service")) {
            config.put("gateway.upstreams." + name, "http://127.0.0.1:" + stub(name));
        }
        config.put("gateway.upstreams.outcomes-service", "http://127.0.0.1:" + closedPort());
        return config;
    }

    private int stub(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // several at once: a slow request must not hold up the others
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/__control/failing", exchange -> {
                failing.set("on=true".equals(exchange.getRequestURI().getQuery()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/q/openapi", exchange -> {
                // a service's OpenAPI document: a path of its own, a Problem like everyone's, a Page of its own
                String doc = ("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"%1$s\",\"version\":\"1\"},\"tags\":[{\"name\":\"%1$s\"}],"
                        + "\"paths\":{\"/api/%1$s/things\":{\"get\":{\"operationId\":\"list\",\"tags\":[\"%1$s\"],\"security\":[{\"SecurityScheme\":[]}],"
                        + "\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":"
                        + "{\"$ref\":\"#/components/schemas/Page\"}}}},\"400\":{\"description\":\"bad\",\"content\":{\"application/problem+json\":"
                        + "{\"schema\":{\"$ref\":\"#/components/schemas/Problem\"}}}}}}}},\"components\":{\"schemas\":{\"Problem\":{\"type\":\"object\"},"
                        + "\"Page\":{\"type\":\"object\",\"description\":\"a page of %1$s\"}},\"securitySchemes\":{\"SecurityScheme\":"
                        + "{\"type\":\"http\",\"scheme\":\"bearer\"}}}}").formatted(name);
                byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().startsWith("/api/caseload/flaky") && failing.get()) {
                    byte[] problem = "{\"status\":500,\"title\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(500, problem.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(problem);
                    }
                    return;
                }
                if (exchange.getRequestURI().getPath().endsWith("/drops-once")) {
                    String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getQuery();
                    int tried = tries.computeIfAbsent(key, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    exchange.getRequestBody().readAllBytes();
                    if (tried == 1) {
                        exchange.close(); // no answer: the connection is closed
                        return;
                    }
                    byte[] bytes = ("{\"tries\":" + tried + "}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                    return;
                }
                if (exchange.getRequestURI().getPath().equals("/__control/tries")) {
                    var counted = tries.get(exchange.getRequestURI().getQuery().replace("+", " ").replace("%20", " "));
                    byte[] bytes = String.valueOf(counted == null ? 0 : counted.get()).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                    return;
                }
                if (exchange.getRequestURI().getPath().startsWith("/api/caseload/slow")) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String json = exchange.getRequestURI().getPath().equals("/q/health/ready") ? "{\"status\":\"UP\"}"
                        : ("{\"upstream\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"query\":\"%s\",\"token\":%s,\"body\":\"%s\","
                                + "\"forwardedFor\":\"%s\",\"forwardedHost\":\"%s\",\"forwardedProto\":\"%s\",\"forwarded\":\"%s\","
                                + "\"requestId\":\"%s\"}")
                                .formatted(name, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                                        exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery(),
                                        auth != null && auth.startsWith("Bearer "), body.replace("\"", "'"),
                                        exchange.getRequestHeaders().getFirst("X-Forwarded-For"),
                                        exchange.getRequestHeaders().getFirst("X-Forwarded-Host"),
                                        exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"),
                                        exchange.getRequestHeaders().getFirst("Forwarded"),
                                        exchange.getRequestHeaders().getFirst("X-Request-Id"));
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
    }
}
