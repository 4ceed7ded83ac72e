package uk.socialprescribing.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.socialprescribing.outcomes.domain.SmallNumberSuppression;

class SmallNumberSuppressionTest {

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 5, 7 })
    void countsOfOneToSevenAreSuppressed(long count) {
        assertTrue(SmallNumberSuppression.publishable(count).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({ "0,0", "8,10", "12,10", "13,15", "15,15", "17,15", "18,20", "102,100", "103,105" })
    void otherCountsAreRoundedToTheNearestFive(long count, long published) {
        assertEquals(OptionalLong.of(published), SmallNumberSuppression.publishable(count));
    }

    @Test
    void aNegativeCountIsABug() {
        assertThrows(IllegalArgumentException.class, () -> SmallNumberSuppression.publishable(-1));
    }
}
