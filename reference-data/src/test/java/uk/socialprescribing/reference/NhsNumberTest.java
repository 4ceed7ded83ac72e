package uk.socialprescribing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class NhsNumberTest {

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvFileSource(resources = "/standards/nhs/nhs_number_test_vectors.csv", numLinesToSkip = 1)
    void theCheckDigitDecides(String nhsNumber, boolean valid) {
        assertEquals(valid, NhsNumber.isValid(nhsNumber), nhsNumber);
    }

    @Test
    void ninesDigitsWhoseModulusGivesTenHaveNoCheckDigit() {
        // 9 4 3 4 7 6 5 9 1 weighted 10..2 sum to 299, 299 mod 11 = 2, check 9: 9434765919
        assertEquals(OptionalInt.of(9), NhsNumber.checkDigit("943476591"));
        // 100000001: 10 + 2 = 12, 12 mod 11 = 1, 11 - 1 = 10: no number has these nine digits
        assertEquals(OptionalInt.empty(), NhsNumber.checkDigit("100000001"));
        assertFalse(NhsNumber.isValid("1000000010"));
        // 11 becomes 0: 100000000 sums to 10, 10 mod 11 = 10, 11 - 10 = 1; 000000000 sums to 0, check 11 read as 0
        assertEquals(OptionalInt.of(1), NhsNumber.checkDigit("100000000"));
        assertEquals(OptionalInt.of(0), NhsNumber.checkDigit("000000000"));
    }

    @Test
    void peopleTypeSpacesAndHyphens() {
        assertEquals("9434765919", NhsNumber.parse("943 476 5919").value());
        assertEquals("9434765919", NhsNumber.parse("943-476-5919").value());
        assertThrows(IllegalArgumentException.class, () -> NhsNumber.parse("943 476 5918"));
        assertFalse(NhsNumber.isValid("94347659"));
        assertFalse(NhsNumber.isValid(null));
    }

    @Test
    void testNumbersAreValidAndInTheRangeNeverIssued() {
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < 5_000; seed++) {
            String number = NhsNumber.test(seed);
            assertTrue(number.startsWith("999"), number);
            assertTrue(NhsNumber.isValid(number), number);
            seen.add(number);
        }
        // a seed without a check digit moves on to the next: a few seeds share a number, most do not
        assertTrue(seen.size() > 4_000, seen.size() + " distinct numbers");
        assertEquals(NhsNumber.test(42), NhsNumber.test(42));
        assertThrows(IllegalArgumentException.class, () -> NhsNumber.test(1_000_000));
    }
}
