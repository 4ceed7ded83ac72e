package uk.socialprescribing.referral.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;


import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;

/** A referral's ETag is its row version, quoted: {@code "3"}. Writes that change a referral require If-Match. */
final class ETags {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names: 428 when there is none, 412 when it cannot be one of ours. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(new Problem(Problem.type("precondition-required"),
                    "Precondition Required", 428,
                    "This change needs If-Match with the ETag of the referral as you last read it (GET it first)", null,
                    java.util.List.of(new Problem.FieldError("If-Match", "Required", "must carry the referral's ETag"))));
        }
        Matcher matcher = VERSION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new ProblemException(new Problem(Problem.type("stale-version"), "Precondition Failed", 412,
                    "If-Match " + ifMatch.strip() + " is not an ETag of this referral; GET it for the current one", null,
                    java.util.List.of(new Problem.FieldError("If-Match", "ETag", "must be an ETag such as \"3\""))));
        }
        return Long.parseLong(matcher.group(1));
    }
}
