package uk.socialprescribing.directory.service;

/** The shapes of a UK postcode that the directory accepts, as patterns (constants, so validation annotations can use them). */
public final class Postcodes {

    /** A whole postcode, either case, the space optional: HG5 8AH, hg58ah. */
    public static final String FULL = "[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}";

    /** A whole postcode or its district (outward code): HG5 8AH or HG5. */
    public static final String FULL_OR_DISTRICT = "[A-Za-z]{1,2}[0-9][0-9A-Za-z]?( ?[0-9][A-Za-z]{2})?";

    private Postcodes() {
    }
}
