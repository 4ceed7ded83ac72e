package uk.socialprescribing.referral.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The date by which a referral must be triaged: a number of working days after the day it arrives, skipping
 * weekends and bank holidays (a referral arriving on Friday with 5 working days is due the next Friday).
 */
public record TriageDeadline(int workingDays, Set<LocalDate> bankHolidays) {

    public TriageDeadline {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        bankHolidays = Set.copyOf(bankHolidays);
    }

    public LocalDate dueBy(LocalDate receivedOn) {
        LocalDate day = receivedOn;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day);
    }
}
