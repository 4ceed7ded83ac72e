package uk.socialprescribing.gateway;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The routing table: which paths go to which service, and which need no token.
 * Public: self-referral (a person refers themself) and the Open Referral UK open-data feed.
 */
public record Route(String pathPrefix, String upstream, boolean requiresToken) {

    public static final List<Route> TABLE = List.of(
            new Route("/api/referrals", "referral-service", true),
            new Route("/api/self-referrals", "referral-service", false),
            new Route("/fhir", "referral-service", true),
            new Route("/api/caseload", "caseload-service", true),
            new Route("/api/directory", "directory-service", true),
            new Route("/oruk", "directory-service", false),
            new Route("/api/outcomes", "outcomes-service", true));

    /** The prefix itself and everything below it, never a longer name ({@code /api/referralsX}). */
    public String pathRegex() {
        return "^" + Pattern.quote(pathPrefix) + "(/.*)?$";
    }
}
