package uk.socialprescribing.referral.service;

/**
 * Who is reading or acting, and which referrals that lets them see: a referrer its own organisation's, a link
 * worker or lead those of their primary care network's practices, an admin all of them.
 */
public record Viewer(String principal, Scope scope, String key, String name) {

    /** A viewer known by sign-in name alone. */
    public Viewer(String principal, Scope scope, String key) {
        this(principal, scope, key, principal);
    }

    /** The same viewer, named as people know them (the token's name claim), where it says. */
    public Viewer named(String displayName) {
        return displayName == null || displayName.isBlank() ? this : new Viewer(principal, scope, key, displayName.strip());
    }

    public enum Scope {
        ORGANISATION, PCN, ALL
    }

    public static Viewer referrer(String principal, String organisation) {
        return new Viewer(principal, Scope.ORGANISATION, organisation);
    }

    public static Viewer linkWorker(String principal, String pcn) {
        return new Viewer(principal, Scope.PCN, pcn);
    }

    public static Viewer admin(String principal) {
        return new Viewer(principal, Scope.ALL, null);
    }

    /** Why this viewer reads personal data, for the audit log. */
    public String purpose() {
        return switch (scope) {
            case ORGANISATION -> "referrer-follow-up";
            case PCN -> "triage-and-support";
            case ALL -> "administration";
        };
    }
}
