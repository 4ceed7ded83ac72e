package uk.socialprescribing.outcomes.domain;

import java.util.OptionalLong;

/**
 * NHS small-number suppression for published statistics below national level:
 * counts of 1 to 7 are suppressed, other counts are rounded to the nearest 5 (0 stays 0).
 */
public final class SmallNumberSuppression {

    public static final String RULE = "Counts of 1 to 7 are suppressed; other counts are rounded to the nearest 5";

    private SmallNumberSuppression() {
    }

    /** The count as it may be published; empty when it must be suppressed. */
    public static OptionalLong publishable(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + count);
        }
        if (count == 0) {
            return OptionalLong.of(0);
        }
        if (count <= 7) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(count / 5.0) * 5);
    }
}
