package uk.socialprescribing.events.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * The person's consents for a referral changed (or were first recorded): every purpose's current status, so that a
 * consumer holds the whole picture from the last event alone. Ids and codes only: no note, no name of who recorded it.
 */
public record ConsentChanged(UUID referralId, List<Purpose> purposes, Instant changedAt) implements EventData {

    /** One purpose: its code, its status, and the day it is to be reviewed by (after which it counts as not given). */
    public record Purpose(String purpose, String status, LocalDate reviewBy) {
    }

    @Override
    public String aggregateId() {
        return referralId.toString();
    }
}
