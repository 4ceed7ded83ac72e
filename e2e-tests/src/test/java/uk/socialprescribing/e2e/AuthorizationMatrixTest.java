package uk.socialprescribing.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The authorization matrix, walked: every operation of the gateway's one API document is called as each of the
 * eleven principals, with real Keycloak tokens, against the running platform, and each answer's status is compared
 * with docs/authorization-matrix.md. An operation without a row, a row without an operation, and an operation this
 * test cannot call all fail it, so a new operation cannot slip past.
 *
 * <p>Each operation is called on fixtures of tenant 1: practice A's referral (B82005, in PCN 1), a case of PCN 1
 * assigned to PCN 1's link worker, organisation X's listing. A call the matrix expects to succeed and that changes
 * state irreversibly (closing a case, a triage decision, a withdrawal, a moderation) gets a fixture of its own, made
 * just before; a call expected to be refused gets the shared one, which a refusal leaves as it was.
 */
@ExtendWith(PlatformUp.class)
@Order(2)
class AuthorizationMatrixTest {

    static final Path TABLE = LocalPlatform.ROOT.resolve("docs/authorization-matrix.md");
    static final ObjectMapper JSON = ApiDocument.JSON;

    /** One request to make. */
    record Call(String method, String path, Map<String, String> query, Map<String, String> headers, String contentType, String body) {
        static Call of(String method, String path) {
            return new Call(method, path, new LinkedHashMap<>(), new LinkedHashMap<>(), null, null);
        }

        Call json(String body) {
            return new Call(method, path, query, headers, "application/json", body);
        }

        Call body(String contentType, String body) {
            return new Call(method, path, query, headers, contentType, body);
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** The same request, with maps of its own to change. */
        Call copy() {
            return new Call(method, path, new LinkedHashMap<>(query), new LinkedHashMap<>(headers), contentType, body);
        }

        Call path(String other) {
            return new Call(method, other, query, headers, contentType, body);
        }

        Call withoutHeader(String name) {
            headers.remove(name);
            return this;
        }
    }

    /** How to call one operation as a principal; {@code allowed}: whether the matrix expects it to succeed. */
    interface Recipe {
        Call prepare(Principal who, boolean allowed);
    }

    static Fixtures fixtures;
    static HttpServer neighbouringFeed;

    @BeforeAll
    static void fixtures() throws Exception {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        neighbouringFeed = neighbouringFeed();
        fixtures = new Fixtures();
    }

    @AfterAll
    static void stopTheFeed() {
        if (neighbouringFeed != null) {
            neighbouringFeed.stop(0);
        }
    }

    @Test
    void everyOperationAnswersEveryPrincipalAsTheMatrixSays() throws Exception {
        AuthorizationMatrix matrix = AuthorizationMatrix.read(TABLE);
        Map<String, Recipe> recipes = recipes(fixtures, neighbouringFeed.getAddress().getPort());
        TreeSet<String> operations = operations();

        List<String> gaps = new ArrayList<>();
        operations.stream().filter(op -> !matrix.rows().containsKey(op)).forEach(op -> gaps.add("no row in the matrix for " + op));
        matrix.rows().keySet().stream().filter(op -> !operations.contains(op)).forEach(op -> gaps.add("a row for " + op + ", not in the API"));
        operations.stream().filter(op -> !recipes.containsKey(op)).forEach(op -> gaps.add("this test cannot call " + op));
        assertEquals(List.of(), gaps, "The matrix, the API and this test must cover the same operations");

        Map<String, Map<Principal, Integer>> observed = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (String operation : operations) {
            for (Principal who : Principal.values()) {
                int expected = matrix.rows().get(operation).get(who);
                Call call = recipes.get(operation).prepare(who, expected < 300);
                Response answer = send(call, who);
                observed.computeIfAbsent(operation, k -> new EnumMap<>(Principal.class)).put(who, answer.statusCode());
                if (answer.statusCode() != expected) {
                    differences.add(operation + " as " + who.column + ": expected " + expected + ", got " + answer.statusCode() + " "
                            + abbreviated(answer.asString()));
                } else if (expected >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")
                        && !String.valueOf(answer.contentType()).startsWith("application/fhir+json")) {
                    differences.add(operation + " as " + who.column + ": " + expected + " without a problem+json body (" + answer.contentType() + ")");
                }
            }
        }
        Path written = Path.of("target/authorization-matrix-observed.md");
        Files.writeString(written, AuthorizationMatrix.render(observed));
        assertTrue(differences.isEmpty(), differences.size() + " answers differ from " + TABLE + " (every answer: " + written.toAbsolutePath()
                + "):\n" + String.join("\n", differences));
    }

    /** Every operation of the gateway's API document, as "METHOD /path". */
    static TreeSet<String> operations() {
        TreeSet<String> operations = new TreeSet<>();
        ApiDocument.get().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "put", "post", "delete", "patch", "head").contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    static Response send(Call call, Principal who) {
        RequestSpecification request = given().urlEncodingEnabled(true);
        String token = who.token();
        if (token != null && !call.headers().containsKey("Authorization")) {
            request.auth().oauth2(token);
        }
        call.query().forEach(request::queryParam);
        call.headers().forEach(request::header);
        if (call.body() != null) {
            request.contentType(call.contentType()).body(call.body());
        }
        return request.when().request(call.method(), call.path());
    }

    static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
    }

    // ----------------------------------------------------------------------------------------------------------
    // How each operation is called

    /** How to call each operation on these fixtures; the admin's feed import reads the feed served on {@code feedPort}. */
    static Map<String, Recipe> recipes(Fixtures f, int feedPort) {
        Map<String, Recipe> r = new HashMap<>();
        // plain reads: no parameters needed
        for (String operation : operations()) {
            if (operation.startsWith("GET ") && !operation.contains("{")) {
                r.put(operation, (who, allowed) -> Call.of("GET", operation.substring(4)));
            }
        }

        // a lead's own PCN; the admin names it
        r.put("GET /api/caseload/team", (who, allowed) -> Call.of("GET", "/api/caseload/team").query("pcn", "U84002"));
        r.put("GET /api/caseload/link-workers", (who, allowed) -> Call.of("GET", "/api/caseload/link-workers").query("pcn", "U84002"));
        r.put("GET /api/caseload/waiting-list", (who, allowed) -> Call.of("GET", "/api/caseload/waiting-list").query("pcn", "U84002"));

        // referral-service
        r.put("POST /api/referrals", (who, allowed) -> Call.of("POST", "/api/referrals")
                .json(who == Principal.AGENCY ? Fixtures.AGENCY_REFERRAL : Fixtures.REFERRAL));
        r.put("GET /api/referrals/{id}", (who, allowed) -> Call.of("GET", "/api/referrals/" + f.referral));
        r.put("GET /api/referrals/{id}/feedback", (who, allowed) -> Call.of("GET", "/api/referrals/" + f.referral + "/feedback"));
        r.put("POST /api/referrals/{id}/accept", triage(f, "accept", null));
        r.put("POST /api/referrals/{id}/decline", triage(f, "decline", "{\"reason\": \"needs-clinical-care\"}"));
        r.put("POST /api/referrals/{id}/redirect", triage(f, "redirect", "{\"to\": \"Harrogate Citizens Advice\", \"reason\": \"debt-advice\"}"));
        r.put("POST /api/referrals/{id}/withdraw", triage(f, "withdraw", "{\"reason\": \"person-changed-mind\"}"));
        r.put("POST /api/referrals/webhooks", (who, allowed) -> Call.of("POST", "/api/referrals/webhooks").json(Fixtures.WEBHOOK));
        r.put("DELETE /api/referrals/webhooks/{id}", (who, allowed) -> Call.of("DELETE", "/api/referrals/webhooks/"
                + (allowed ? f.newWebhook() : f.webhook)));
        r.put("GET /api/referrals/webhooks/{id}/deliveries", (who, allowed) -> Call.of("GET", "/api/referrals/webhooks/" + f.webhook + "/deliveries"));
        r.put("POST /api/referrals/webhooks/{id}/test", (who, allowed) -> Call.of("POST", "/api/referrals/webhooks/" + f.webhook + "/test"));
        r.put("GET /api/referrals/audit", (who, allowed) -> Call.of("GET", "/api/referrals/audit").query("subjectId", f.referral));
        r.put("GET /api/referrals/{id}/consents", (who, allowed) -> Call.of("GET", "/api/referrals/" + f.referral + "/consents"));
        // a change that repeats where the purpose stands is answered 200 and records nothing: each principal may send it
        r.put("PUT /api/referrals/{id}/consents", (who, allowed) -> Call.of("PUT", "/api/referrals/" + f.referral + "/consents")
                .header("If-Match", f.consentsEtag()).json("{\"changes\": [{\"purpose\": \"contact-by-letter\", \"status\": \"given\"}]}"));
        r.put("GET /api/referrals/audit/verify", (who, allowed) -> Call.of("GET", "/api/referrals/audit/verify"));
        r.put("POST /api/self-referrals", (who, allowed) -> Call.of("POST", "/api/self-referrals").json(ApiDocument.example("POST /api/self-referrals", "application/json")));
        // the example's requester is practice A; practice B names itself
        r.put("POST /fhir/ServiceRequest", (who, allowed) -> Call.of("POST", "/fhir/ServiceRequest").body("application/fhir+json",
                ApiDocument.example("POST /fhir/ServiceRequest", "application/fhir+json").replace("B82005", who == Principal.REFERRER_B ? "B82018" : "B82005")));
        r.put("POST /fhir/$process-message", (who, allowed) -> Call.of("POST", "/fhir/$process-message")
                .body("application/fhir+json", Fixtures.freshMessage(ApiDocument.example("POST /fhir/$process-message", "application/fhir+json"))));
        r.put("GET /fhir/ServiceRequest/{id}", (who, allowed) -> Call.of("GET", "/fhir/ServiceRequest/" + f.referral));
        r.put("GET /fhir/ServiceRequest", (who, allowed) -> Call.of("GET", "/fhir/ServiceRequest").query("_lastUpdated", "gt2026-01-01T00:00:00Z")
                .query("_count", "5"));

        // caseload-service
        r.put("GET /api/caseload/audit", (who, allowed) -> Call.of("GET", "/api/caseload/audit").query("subjectId", f.caseId));
        r.put("GET /api/caseload/audit/verify", (who, allowed) -> Call.of("GET", "/api/caseload/audit/verify"));
        r.put("GET /api/caseload/cases/{id}", (who, allowed) -> Call.of("GET", "/api/caseload/cases/" + f.caseId));
        r.put("POST /api/caseload/cases/{id}/assign", (who, allowed) -> {
            String id = allowed ? f.newCase() : f.caseId;
            return Call.of("POST", "/api/caseload/cases/" + id + "/assign").header("If-Match", f.caseEtag(id))
                    .json("{\"linkWorkerId\": \"" + f.otherWorker + "\"}");
        });
        r.put("POST /api/caseload/cases/{id}/close", (who, allowed) -> {
            String id = allowed ? f.newCase() : f.caseId;
            return Call.of("POST", "/api/caseload/cases/" + id + "/close").header("If-Match", f.caseEtag(id)).json("{\"reason\": \"goals-met\"}");
        });
        r.put("POST /api/caseload/cases/{id}/connections", (who, allowed) -> Call.of("POST", "/api/caseload/cases/" + f.caseId + "/connections")
                .json("{\"serviceId\": \"" + f.nextService() + "\"}"));
        r.put("GET /api/caseload/cases/{id}/connections", (who, allowed) -> Call.of("GET", "/api/caseload/cases/" + f.caseId + "/connections"));
        r.put("GET /api/caseload/cases/{id}/connections/{connectionId}", (who, allowed) ->
                Call.of("GET", "/api/caseload/cases/" + f.caseId + "/connections/" + f.connection[0]));
        r.put("POST /api/caseload/cases/{id}/connections/{connectionId}/status", (who, allowed) -> {
            String[] connection = allowed ? f.newConnection() : f.connection;
            return Call.of("POST", "/api/caseload/cases/" + f.caseId + "/connections/" + connection[0] + "/status")
                    .header("If-Match", connection[1]).json("{\"status\": \"declined\", \"reason\": \"person-declined\"}");
        });
        r.put("GET /api/caseload/cases/{id}/plan", (who, allowed) -> Call.of("GET", "/api/caseload/cases/" + f.caseId + "/plan"));
        r.put("PUT /api/caseload/cases/{id}/plan", (who, allowed) -> Call.of("PUT", "/api/caseload/cases/" + f.caseId + "/plan")
                .header("If-Match", f.planEtag()).json(ApiDocument.example("PUT /api/caseload/cases/{id}/plan", "application/json")));
        r.put("GET /api/caseload/cases/{id}/plan/versions", (who, allowed) -> Call.of("GET", "/api/caseload/cases/" + f.caseId + "/plan/versions"));
        r.put("GET /api/caseload/cases/{id}/plan/versions/{version}", (who, allowed) ->
                Call.of("GET", "/api/caseload/cases/" + f.caseId + "/plan/versions/1"));
        // the document's example, at a time after the case's referral (a session cannot come before it)
        r.put("POST /api/caseload/cases/{id}/sessions", (who, allowed) -> Call.of("POST", "/api/caseload/cases/" + f.caseId + "/sessions")
                .json(ApiDocument.exampleJson("POST /api/caseload/cases/{id}/sessions")
                        .put("scheduledFor", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                        .toString()));
        r.put("GET /api/caseload/cases/{id}/sessions", (who, allowed) -> Call.of("GET", "/api/caseload/cases/" + f.caseId + "/sessions"));
        r.put("POST /api/caseload/cases/{id}/sessions/{sessionId}/record", (who, allowed) -> {
            String[] session = allowed ? f.newSession() : f.session;
            return Call.of("POST", "/api/caseload/cases/" + f.caseId + "/sessions/" + session[0] + "/record")
                    .header("If-Match", session[1]).json("{\"outcome\": \"attended\"}");
        });
        r.put("POST /api/caseload/link-workers", (who, allowed) -> {
            ObjectNode worker = ApiDocument.exampleJson("POST /api/caseload/link-workers");
            worker.put("username", "matrix." + UUID.randomUUID().toString().substring(0, 8));
            worker.put("displayName", "Matrix Worker");
            return Call.of("POST", "/api/caseload/link-workers").json(worker.toString());
        });
        r.put("GET /api/caseload/link-workers/{id}", (who, allowed) -> Call.of("GET", "/api/caseload/link-workers/" + f.worker));
        r.put("PUT /api/caseload/link-workers/{id}", (who, allowed) -> {
            Response current = given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/caseload/link-workers/" + f.worker)
                    .then().statusCode(200).extract().response();
            ObjectNode worker = ApiDocument.exampleJson("PUT /api/caseload/link-workers/{id}");
            for (String field : List.of("username", "displayName", "pcnCode", "practices", "languages", "workingDays", "activeCaseCap", "yearlyCap")) {
                worker.set(field, ApiDocument.read(current.asString()).get(field));
            }
            return Call.of("PUT", "/api/caseload/link-workers/" + f.worker).header("If-Match", current.header("ETag")).json(worker.toString());
        });

        // directory-service
        r.put("GET /api/directory/search", (who, allowed) -> Call.of("GET", "/api/directory/search").query("q", "walking"));
        r.put("POST /api/directory/match", (who, allowed) -> Call.of("POST", "/api/directory/match").json(ApiDocument.example("POST /api/directory/match", "application/json")));
        r.put("POST /api/directory/import", (who, allowed) -> Call.of("POST", "/api/directory/import").json(ApiDocument.example("POST /api/directory/import", "application/json")));
        r.put("POST /api/directory/import/feed", (who, allowed) -> Call.of("POST", "/api/directory/import/feed")
                .json("{\"url\": \"http://127.0.0.1:" + feedPort + "/oruk\"}"));
        // a partner adds to its own organisation; the admin names the organisation
        r.put("POST /api/directory/services", (who, allowed) -> Call.of("POST", "/api/directory/services")
                .json(who == Principal.ADMIN ? f.newListingBody().replaceFirst("^\\{", "{\"organizationId\": \"" + f.organisation + "\", ")
                        : f.newListingBody()));
        r.put("GET /api/directory/services/{id}", (who, allowed) -> Call.of("GET", "/api/directory/services/" + f.listing));
        r.put("PUT /api/directory/services/{id}", (who, allowed) -> {
            String id = allowed ? f.newListing(true) : f.listing;
            return Call.of("PUT", "/api/directory/services/" + id).header("If-Match", f.listingEtag(id)).json(f.newListingBody());
        });
        // places free and "still accurate" are one call each, without If-Match, as a volunteer makes them
        r.put("PUT /api/directory/services/{id}/capacity", (who, allowed) -> Call.of("PUT", "/api/directory/services/" + f.listing + "/capacity")
                .json("{\"available\": 4}"));
        r.put("POST /api/directory/services/{id}/assure", (who, allowed) -> Call.of("POST", "/api/directory/services/" + f.listing + "/assure"));
        r.put("POST /api/directory/services/{id}/withdraw", (who, allowed) -> {
            String id = allowed ? f.newListing(true) : f.listing;
            return Call.of("POST", "/api/directory/services/" + id + "/withdraw").header("If-Match", f.listingEtag(id)).json("{\"reason\": \"funding-ended\"}");
        });
        r.put("POST /api/directory/services/{id}/approve", (who, allowed) -> {
            String id = allowed ? f.newListing(false) : f.pendingListing;
            return Call.of("POST", "/api/directory/services/" + id + "/approve").header("If-Match", f.listingEtag(id));
        });
        r.put("POST /api/directory/services/{id}/reject", (who, allowed) -> {
            String id = allowed ? f.newListing(false) : f.pendingListing;
            return Call.of("POST", "/api/directory/services/" + id + "/reject").header("If-Match", f.listingEtag(id))
                    .json("{\"reason\": \"A commercial gym; not a community service\"}");
        });
        r.put("GET /api/directory/services/{id}/changes", (who, allowed) -> Call.of("GET", "/api/directory/services/" + f.listing + "/changes"));
        r.put("GET /api/directory/services/{id}/uptake", (who, allowed) -> Call.of("GET", "/api/directory/services/" + f.listing + "/uptake"));
        r.put("GET /oruk/services/{id}", (who, allowed) -> Call.of("GET", "/oruk/services/" + f.oruk.get("services")));
        r.put("GET /oruk/organizations/{id}", (who, allowed) -> Call.of("GET", "/oruk/organizations/" + f.oruk.get("organizations")));
        r.put("GET /oruk/taxonomies/{id}", (who, allowed) -> Call.of("GET", "/oruk/taxonomies/" + f.oruk.get("taxonomies")));
        r.put("GET /oruk/taxonomy_terms/{id}", (who, allowed) -> Call.of("GET", "/oruk/taxonomy_terms/" + f.oruk.get("taxonomy_terms")));
        r.put("GET /oruk/service_at_locations/{id}", (who, allowed) -> Call.of("GET", "/oruk/service_at_locations/" + f.oruk.get("service_at_locations")));

        // each service's dead letters: a replay of an offset no dead-letter topic has reached
        Map<String, String> channels = Map.of("referrals", "caseload-events", "caseload", "referral-events", "directory", "caseload-events",
                "outcomes", "referral-events");
        channels.forEach((service, channel) -> r.put("POST /api/" + service + "/admin/dead-letters/{channel}/{partition}/{offset}/replay",
                (who, allowed) -> Call.of("POST", "/api/" + service + "/admin/dead-letters/" + channel + "/0/999999999/replay")));

        // outcomes-service
        r.put("POST /api/outcomes/measurements", (who, allowed) -> {
            ObjectNode measurement = ApiDocument.exampleJson("POST /api/outcomes/measurements");
            measurement.put("caseId", f.caseId);
            return Call.of("POST", "/api/outcomes/measurements").json(measurement.toString());
        });
        r.put("GET /api/outcomes/cases/{caseId}/measurements", (who, allowed) -> Call.of("GET", "/api/outcomes/cases/" + f.caseId + "/measurements"));
        r.put("POST /api/outcomes/admin/projections/rebuild", (who, allowed) -> Call.of("POST", "/api/outcomes/admin/projections/rebuild"));
        return r;
    }

    /** A triage decision (or a withdrawal) on practice A's referral: a fresh one when it is expected to succeed. */
    static Recipe triage(Fixtures f, String action, String body) {
        return (who, allowed) -> {
            String id = allowed ? f.newReferral() : f.referral;
            Call call = Call.of("POST", "/api/referrals/" + id + "/" + action).header("If-Match", f.referralEtag(id));
            return body == null ? call : call.json(body);
        };
    }

    /**
     * A neighbouring area's ORUK feed, for the admin's import from a feed: one service, the API document's own example
     * of an imported service.
     */
    static HttpServer neighbouringFeed() throws IOException {
        ObjectNode service = (ObjectNode) ApiDocument.exampleJson("POST /api/directory/import").get("contents").get(0);
        String id = service.get("id").asText();
        ObjectNode page = JSON.createObjectNode().put("total_items", 1).put("total_pages", 1).put("page_number", 1).put("size", 1)
                .put("first_page", true).put("last_page", true).put("empty", false);
        page.putArray("contents").add(service);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oruk", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.equals("/oruk/services") ? page.toString()
                    : path.equals("/oruk/services/" + id) ? service.toString()
                    : path.equals("/oruk") || path.equals("/oruk/") ? "{\"version\": \"HSDS-UK-3.0\"}" : null;
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    // ----------------------------------------------------------------------------------------------------------

    /** Tenant 1's things, made through the API by their owners before the walk. */
    static final class Fixtures {

        static final String REFERRAL = ThinSliceTest.REFERRAL;
        static final String AGENCY_REFERRAL = REFERRAL.replace("\"nhsNumber\": \"9434765919\", ", "")
                .replace("\"dateOfBirth\": \"1948-03-12\"", "\"dateOfBirth\": \"1948-03-12\", \"address\": {\"postcode\": \"HG1 1QX\"}");
        static final String WEBHOOK = "{\"url\": \"https://gp-system.example.nhs.uk/social-prescribing/messages\"}";

        /** Practice A's referral, still to be triaged. */
        final String referral;
        /** A case of PCN 1, from practice A, assigned to PCN 1's link worker (amara.okafor), with a plan. */
        final String caseId;
        final String worker;
        /** Another link worker of PCN 1, for reassignments. */
        final String otherWorker;
        /** A connection and a session of the case: id and ETag. */
        final String[] connection;
        final String[] session;
        final String webhook;
        /** Organisation X's published listing, and one of its listings waiting for moderation. */
        final String listing;
        final String pendingListing;
        /** Organisation X's id. */
        final String organisation;
        final Map<String, String> oruk = new HashMap<>();
        private final List<String> services = new ArrayList<>();
        private final AtomicInteger nextService = new AtomicInteger();

        Fixtures() {
            worker = workerId("amara.okafor");
            otherWorker = workerId("tom.hardcastle");
            referral = newReferral();
            caseId = newCase();
            for (String kind : List.of("services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations")) {
                oruk.put(kind, given().queryParam("per_page", 100).when().get("/oruk/" + kind).then().statusCode(200).extract().path("contents[0].id"));
            }
            services.addAll(given().queryParam("per_page", 100).when().get("/oruk/services").then().statusCode(200).extract().path("contents.id"));
            connection = newConnection();
            session = newSession();
            given().auth().oauth2(Principal.LINK_WORKER_1.token()).contentType(ContentType.JSON)
                    .body(ApiDocument.example("PUT /api/caseload/cases/{id}/plan", "application/json").replace("\"id\":\"g1\",", ""))
                    .when().put("/api/caseload/cases/" + caseId + "/plan").then().statusCode(200);
            webhook = newWebhook();
            listing = newListing(true);
            organisation = given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/directory/services/" + listing)
                    .then().statusCode(200).extract().path("organizationId");
            pendingListing = newListing(false);
            // outcomes-service knows the case's link worker once case.assigned has reached it
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().auth().oauth2(Principal.LINK_WORKER_1.token()).when().get("/api/outcomes/cases/" + caseId + "/measurements")
                            .then().extract().statusCode() == 200);
        }

        /** A $process-message Bundle with ids of its own (a message id may be received once). */
        static String freshMessage(String example) {
            return example.replace("5b1e0c1a-0000-4000-8000-000000000000", UUID.randomUUID().toString());
        }

        static String workerId(String username) {
            List<Map<String, Object>> workers = given().auth().oauth2(Principal.ADMIN.token()).queryParam("pcn", "U84002")
                    .when().get("/api/caseload/link-workers").then().statusCode(200).extract().path("contents");
            return workers.stream().filter(w -> username.equals(w.get("username"))).findFirst()
                    .map(w -> w.get("id").toString()).orElseThrow(() -> new IllegalStateException("no link worker " + username));
        }

        String newReferral() {
            return given().auth().oauth2(Principal.REFERRER_A.token()).contentType(ContentType.JSON).body(REFERRAL)
                    .when().post("/api/referrals").then().statusCode(201).extract().path("id");
        }

        String referralEtag(String id) {
            return given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/referrals/" + id).then().statusCode(200).extract().header("ETag");
        }

        /** Practice A's referral accepted, its case opened by caseload and assigned to PCN 1's link worker. */
        String newCase() {
            return acceptedCase(newReferral(), worker);
        }

        /** A referral of PCN 1 accepted by its link worker; its case, once caseload has opened it, assigned to the worker. */
        static String acceptedCase(String referralId, String worker) {
            String etag = given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/referrals/" + referralId).then().statusCode(200)
                    .extract().header("ETag");
            given().auth().oauth2(Principal.LINK_WORKER_1.token()).header("If-Match", etag)
                    .when().post("/api/referrals/" + referralId + "/accept").then().statusCode(200);
            String id = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    given().auth().oauth2(Principal.ADMIN.token()).queryParam("referralId", referralId).when().get("/api/caseload/cases")
                            .then().statusCode(200).extract().<String>path("contents[0].id"), java.util.Objects::nonNull);
            Response current = given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/caseload/cases/" + id)
                    .then().statusCode(200).extract().response();
            if (!worker.equals(current.path("linkWorkerId"))) {
                given().auth().oauth2(Principal.LEAD.token()).header("If-Match", current.header("ETag")).contentType(ContentType.JSON)
                        .body("{\"linkWorkerId\": \"" + worker + "\"}").when().post("/api/caseload/cases/" + id + "/assign")
                        .then().statusCode(200);
            }
            return id;
        }

        String caseEtag(String id) {
            return given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/caseload/cases/" + id).then().statusCode(200).extract().header("ETag");
        }

        String consentsEtag() {
            return given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/referrals/" + referral + "/consents").then().statusCode(200)
                    .extract().header("ETag");
        }

        String planEtag() {
            return given().auth().oauth2(Principal.LINK_WORKER_1.token()).when().get("/api/caseload/cases/" + caseId + "/plan")
                    .then().statusCode(200).extract().header("ETag");
        }

        /** A directory service the case has no connection to yet. */
        String nextService() {
            return services.get(nextService.getAndIncrement() % services.size());
        }

        String[] newConnection() {
            Response made = given().auth().oauth2(Principal.LINK_WORKER_1.token()).contentType(ContentType.JSON)
                    .body("{\"serviceId\": \"" + nextService() + "\"}").when().post("/api/caseload/cases/" + caseId + "/connections")
                    .then().statusCode(201).extract().response();
            return new String[] { made.path("id"), made.header("ETag") };
        }

        String[] newSession() {
            Response made = given().auth().oauth2(Principal.LINK_WORKER_1.token()).contentType(ContentType.JSON)
                    // starting in two minutes: after its referral, and near enough to be recorded as held (10 minutes' leeway)
                    .body("{\"kind\": \"follow-up\", \"mode\": \"phone\", \"scheduledFor\": \"%s\", \"durationMinutes\": 30}"
                            .formatted(java.time.Instant.now().plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                    .when().post("/api/caseload/cases/" + caseId + "/sessions").then().statusCode(201).extract().response();
            return new String[] { made.path("id"), made.header("ETag") };
        }

        String newWebhook() {
            return given().auth().oauth2(Principal.REFERRER_A.token()).contentType(ContentType.JSON).body(WEBHOOK)
                    .when().post("/api/referrals/webhooks").then().statusCode(201).extract().path("id");
        }

        String newListingBody() {
            ObjectNode body = ApiDocument.exampleJson("POST /api/directory/services");
            body.put("name", "Matrix Walkers " + UUID.randomUUID().toString().substring(0, 8));
            return body.toString();
        }

        /** A listing of organisation X, as its partner adds it; approved by the admin if asked. */
        String newListing(boolean approved) {
            String id = given().auth().oauth2(Principal.VCSE_X.token()).contentType(ContentType.JSON).body(newListingBody())
                    .when().post("/api/directory/services").then().statusCode(201).extract().path("id");
            if (approved) {
                given().auth().oauth2(Principal.ADMIN.token()).header("If-Match", listingEtag(id))
                        .when().post("/api/directory/services/" + id + "/approve").then().statusCode(200);
            }
            return id;
        }

        String listingEtag(String id) {
            return given().auth().oauth2(Principal.ADMIN.token()).when().get("/api/directory/services/" + id).then().statusCode(200).extract().header("ETag");
        }
    }
}
