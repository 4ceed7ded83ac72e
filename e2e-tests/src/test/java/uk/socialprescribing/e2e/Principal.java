package uk.socialprescribing.e2e;

/**
 * The callers the authorization matrix is written for (docs/authorization-matrix.md, one column each), and the demo
 * realm's client or person each one is. Practices A (B82005) and B (B82018) are both in PCN 1 (U84002); PCN 2 is
 * U84005; organisation X is Nidderdale Community Partnership, Y is Dalesway Arts.
 */
enum Principal {
    ANONYMOUS("anonymous", null, null),
    REFERRER_A("referrer A", "gp-practice-b82005", null),
    REFERRER_B("referrer B", "gp-practice-b82018", null),
    AGENCY("agency", "housing-harrogate-homes", null),
    LINK_WORKER_1("link worker PCN 1", null, "amara.okafor"),
    LINK_WORKER_2("link worker PCN 2", null, "dev.mistry"),
    LEAD("team lead", null, "priya.shah"),
    VCSE_X("VCSE X", "vcse-partner-nidderdale", null),
    VCSE_Y("VCSE Y", "vcse-partner-dalesway-arts", null),
    COMMISSIONER("commissioner", "commissioner-analytics", null),
    ADMIN("admin", null, "sam.admin");

    /** The column's heading in the matrix. */
    final String column;
    /** A machine client's id (client credentials), or null. */
    final String client;
    /** A person's username (signed in through the realm's local command-line client), or null. */
    final String username;

    Principal(String column, String client, String username) {
        this.column = column;
        this.client = client;
        this.username = username;
    }

    String token() {
        return this == ANONYMOUS ? null : Keycloak.token(this);
    }
}
