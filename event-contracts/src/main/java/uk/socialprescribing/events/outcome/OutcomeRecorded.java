package uk.socialprescribing.events.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** An outcome measure was recorded; pseudonymous (case id only). */
public record OutcomeRecorded(UUID measurementId, UUID caseId, String instrument, String timepoint, BigDecimal score, Instant recordedAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
