package uk.socialprescribing.events.caseload;

import java.time.Instant;
import java.util.UUID;

import uk.socialprescribing.events.EventData;

/** A case was opened for an accepted referral. */
public record CaseOpened(UUID caseId, UUID referralId, String practiceOdsCode, Instant openedAt) implements EventData {
    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
