package uk.socialprescribing.conventions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version, quoted ({@code "3"}); a write that can race
 * must send it back in If-Match. Without it the answer is 428, with something that is not one of our ETags 412.
 */
public final class Preconditions {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names. */
    public static long ifMatchVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(new Problem(Problem.type("precondition-required"), "Precondition Required", 428,
                    "This change needs If-Match with the ETag of the resource as you last read it (GET it first)", null,
                    List.of(new Problem.FieldError("If-Match", "Required", "must carry the ETag you read"))));
        }
        Matcher matcher = VERSION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new ProblemException(new Problem(Problem.type("stale-version"), "Precondition Failed", 412,
                    "If-Match " + ifMatch.strip() + " is not an ETag of this resource; GET it for the current one", null,
                    List.of(new Problem.FieldError("If-Match", "ETag", "must be an ETag such as \"3\""))));
        }
        return Long.parseLong(matcher.group(1));
    }
}
