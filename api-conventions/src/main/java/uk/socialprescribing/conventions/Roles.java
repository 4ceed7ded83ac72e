package uk.socialprescribing.conventions;

/** The platform's roles, as the realm grants them and tokens carry them (claim groups), written once. */
public final class Roles {

    /** A GP practice system or another referring organisation's system (its kind in claim organisation_kind). */
    public static final String REFERRER = "referrer";
    public static final String LINK_WORKER = "link-worker";
    /** A link worker who leads a primary care network's team (claim pcn). */
    public static final String LINK_WORKER_LEAD = "link-worker-lead";
    /** A voluntary, community or social enterprise partner (claim organisation_id). */
    public static final String VCSE_PARTNER = "vcse-partner";
    public static final String COMMISSIONER = "commissioner";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
