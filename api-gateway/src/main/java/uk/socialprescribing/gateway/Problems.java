package uk.socialprescribing.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

/** The gateway's own answers, as application/problem+json (RFC 9457) like every service's. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static String body(int status, String kind, String title, String detail, String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:social-prescribing:problem:" + kind);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", path);
        return Json.encode(problem);
    }

    static void send(HttpServerResponse response, int status, String kind, String title, String detail, String path) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body(status, kind, title, detail, path));
    }
}
