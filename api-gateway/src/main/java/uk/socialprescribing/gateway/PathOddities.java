package uk.socialprescribing.gateway;

import java.util.List;
import java.util.Locale;

/**
 * Paths of the API that name no operation, though the HTTP layers behind would make one of them: a dot segment
 * ({@code /cases/1/connections/..}, which they resolve to the case) or an empty one ({@code /cases/}, which they take
 * for the list). No id is empty, "." or "..", so a client sending one has built its path wrongly, and is told so
 * rather than answered for another resource.
 */
final class PathOddities {

    /** The API's own paths; the Swagger UI and other pages keep the usual trailing slashes. */
    private static final List<String> API = List.of("/api/", "/fhir/", "/oruk/");

    private PathOddities() {
    }

    /** What is odd about the raw path (as sent, before any normalising), or null. */
    static String of(String rawPath) {
        if (rawPath == null || API.stream().noneMatch(rawPath::startsWith) || rawPath.equals("/oruk/")) {
            return null; // (the ORUK feed's details are at its root, "/oruk/", as the standard has it)
        }
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i].toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (segment.equals(".") || segment.equals("..")) {
                return "a path segment is \"" + segments[i] + "\"";
            }
            if (segment.isEmpty()) {
                return i == segments.length - 1 ? "it ends with a slash" : "it has an empty segment";
            }
        }
        return null;
    }
}
