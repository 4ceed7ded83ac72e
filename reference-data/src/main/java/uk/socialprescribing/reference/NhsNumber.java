package uk.socialprescribing.reference;

import java.util.OptionalInt;

/**
 * An NHS number: ten digits, the last a modulus 11 check digit over the first nine (weights 10 down to 2;
 * check = 11 - (sum mod 11), 11 becomes 0, and 10 means no valid number has those nine digits). The one
 * implementation of the platform: the services, their demo data, the tests and the benchmarks use it.
 */
public record NhsNumber(String value) {

    public NhsNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid NHS number");
        }
    }

    /** Spaces and hyphens people type (943 476 5919) are dropped. */
    public static NhsNumber parse(String text) {
        return new NhsNumber(normalise(text));
    }

    public static String normalise(String text) {
        return text == null ? null : text.replace(" ", "").replace("-", "");
    }

    public static boolean isValid(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        OptionalInt check = checkDigit(digits.substring(0, 9));
        return check.isPresent() && check.getAsInt() == digits.charAt(9) - '0';
    }

    /** The check digit of nine digits, or empty when they have none (the modulus gives 10). */
    public static OptionalInt checkDigit(String nine) {
        if (nine == null || !nine.matches("\\d{9}")) {
            throw new IllegalArgumentException("nine digits are needed");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? OptionalInt.empty() : OptionalInt.of(check);
    }

    /**
     * A valid NHS number in the 999 range, which NHS England keeps for testing and never issues: one for each seed
     * from 0 to 999,999 (a seed whose nine digits have no check digit moves on to the next that has).
     */
    public static String test(int seed) {
        if (seed < 0 || seed >= 1_000_000) {
            throw new IllegalArgumentException("a seed from 0 to 999,999");
        }
        for (int n = seed; ; n = (n + 1) % 1_000_000) {
            String nine = "999" + String.format("%06d", n);
            OptionalInt check = checkDigit(nine);
            if (check.isPresent()) {
                return nine + check.getAsInt();
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
