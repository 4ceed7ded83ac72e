package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.caseload.domain.Case;

/** A PCN's waiting list as leads see it: each case's wait so far and a forecast from recent throughput. */
@ApplicationScoped
public class WaitingLists {


    /** The list in the order cases are served, and the forecast wait in days for a routine referral accepted now. */
    @Schema(name = "WaitingList", description = "A PCN's waiting list, in the order cases are served")
    public record WaitingList(@Schema(example = "U84005") String pcnCode, int length,
            @Schema(description = "Urgent cases among them (served first)") int urgent,
            @Schema(description = "The longest wait so far, in days; absent when nobody waits") Long longestWaitDays,
            @Schema(description = "Cases assigned in the PCN over the last 28 days, per week") double assignedPerWeek,
            @Schema(description = "Forecast wait in days for a routine referral accepted now, from recent throughput; "
                    + "absent when nothing was assigned lately") Long forecastWaitDays,
            List<Entry> cases) {
    }

    @Schema(name = "WaitingListEntry")
    public record Entry(int position, UUID caseId, UUID referralId, String urgency, Instant waitingSince, long daysWaiting) {
    }

    private final Allocating allocating;
    private final Clock clock;

    public WaitingLists(Allocating allocating, Clock clock) {
        this.allocating = allocating;
        this.clock = clock;
    }

    public WaitingList of(String pcnCode) {
        Instant now = Instant.now(clock);
        List<Case> waiting = allocating.waitingIn(pcnCode);
        List<Entry> entries = new ArrayList<>();
        long longest = -1;
        int urgent = 0;
        for (int i = 0; i < waiting.size(); i++) {
            Case c = waiting.get(i);
            long days = Duration.between(c.waitlistedAt(), now).toDays();
            longest = Math.max(longest, days);
            urgent += c.isUrgent() ? 1 : 0;
            entries.add(new Entry(i + 1, c.id(), c.referralId(), c.urgency(), c.waitlistedAt(), days));
        }
        double perDay = allocating.assignedPerDay(pcnCode, now);
        // a routine referral accepted now is served after everyone waiting
        Long forecast = allocating.forecastWaitDays(pcnCode, waiting.size() + 1, now);
        return new WaitingList(pcnCode, waiting.size(), urgent, longest < 0 ? null : longest, Math.round(perDay * 7 * 10) / 10.0,
                forecast, entries);
    }
}
