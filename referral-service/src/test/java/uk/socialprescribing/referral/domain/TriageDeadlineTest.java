package uk.socialprescribing.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TriageDeadlineTest {

    @Test
    void workingDaysSkipWeekends() {
        TriageDeadline five = new TriageDeadline(5, Set.of());
        // Friday 6 November 2026: due the next Friday
        assertEquals(LocalDate.of(2026, 11, 13), five.dueBy(LocalDate.of(2026, 11, 6)));
        // a Saturday arrival counts from Monday
        assertEquals(LocalDate.of(2026, 11, 13), five.dueBy(LocalDate.of(2026, 11, 7)));
        assertEquals(LocalDate.of(2026, 11, 6), new TriageDeadline(0, Set.of()).dueBy(LocalDate.of(2026, 11, 6)));
    }

    @Test
    void bankHolidaysAreNotWorkingDays() {
        // Christmas and Boxing Day 2026 fall on Friday and Saturday; the substitute day is Monday 28 December
        TriageDeadline five = new TriageDeadline(5, Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
        assertFalse(five.isWorkingDay(LocalDate.of(2026, 12, 25)));
        // Wednesday 23 December: Thu 24, Tue 29, Wed 30, Thu 31, Fri 1 January (not a holiday in this set)
        assertEquals(LocalDate.of(2027, 1, 1), five.dueBy(LocalDate.of(2026, 12, 23)));
        assertThrows(IllegalArgumentException.class, () -> new TriageDeadline(-1, Set.of()));
    }
}
