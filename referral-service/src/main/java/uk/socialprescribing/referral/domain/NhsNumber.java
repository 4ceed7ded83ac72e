package uk.socialprescribing.referral.domain;

/**
 * An NHS number: ten digits, the last a modulus 11 check digit over the first nine (weights 10 down to 2;
 * check = 11 - (sum mod 11), 11 becomes 0, and 10 means the number is not valid).
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
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    @Override
    public String toString() {
        return value;
    }
}
