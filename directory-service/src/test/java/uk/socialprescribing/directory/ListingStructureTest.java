package uk.socialprescribing.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.socialprescribing.directory.service.ListingStructure;
import uk.socialprescribing.directory.service.ListingStructure.Weekly;

/** How a partner's words become a schedule and a cost option, and what is left as words when they cannot. */
class ListingStructureTest {

    @Test
    void aWeeklySessionIsReadAndAnythingElseIsLeftAsText() {
        assertEquals(Optional.of(new Weekly("TU", LocalTime.of(10, 30), LocalTime.of(12, 0))), ListingStructure.weekly("Tuesdays 10:30-12:00"));
        assertEquals(Optional.of(new Weekly("SU", LocalTime.of(14, 0), LocalTime.of(16, 0))), ListingStructure.weekly(" Sundays 14:00-16:00 "));
        assertEquals(Optional.empty(), ListingStructure.weekly("Every other Tuesday"));
        assertEquals(Optional.empty(), ListingStructure.weekly("Tuesdays 10:30"));
        assertEquals(Optional.empty(), ListingStructure.weekly(null));
    }

    @Test
    void aCostIsFreeOrItsPoundsOrNothingAtAll() {
        assertEquals(Optional.of(BigDecimal.ZERO), ListingStructure.amount("Free; donations welcome"));
        assertEquals(Optional.of(new BigDecimal("3")), ListingStructure.amount("£3 including refreshments"));
        assertEquals(Optional.of(new BigDecimal("2.50")), ListingStructure.amount("£2.50 a session"));
        assertEquals(Optional.empty(), ListingStructure.amount("Pay what you can"));
        assertEquals(Optional.empty(), ListingStructure.amount(" "));
    }
}
