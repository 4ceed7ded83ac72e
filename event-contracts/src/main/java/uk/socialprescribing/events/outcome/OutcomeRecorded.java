package uk.socialprescribing.events.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/**
 * An outcome measure was recorded; pseudonymous (case id only). {@code score} is the instrument's total (SWEMWBS: its
 * metric score); ONS4 has none, as ONS reports its four items apart. {@code scores} holds each item's score by item id
 * (never the item's wording), {@code pcnCode} the case's network, {@code completedOn} the day the person completed it.
 */
public record OutcomeRecorded(UUID measurementId, UUID caseId, String instrument, String timepoint, BigDecimal score,
        Map<String, Integer> scores, String pcnCode, Instant recordedAt, LocalDate completedOn) implements EventData {

    /** A measurement that does not say the day it was completed (as sent before completedOn was added). */
    public OutcomeRecorded(UUID measurementId, UUID caseId, String instrument, String timepoint, BigDecimal score,
            Map<String, Integer> scores, String pcnCode, Instant recordedAt) {
        this(measurementId, caseId, instrument, timepoint, score, scores, pcnCode, recordedAt, null);
    }

    /** A measurement as the v1 minimum described it. */
    public OutcomeRecorded(UUID measurementId, UUID caseId, String instrument, String timepoint, BigDecimal score, Instant recordedAt) {
        this(measurementId, caseId, instrument, timepoint, score, null, null, recordedAt, null);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
