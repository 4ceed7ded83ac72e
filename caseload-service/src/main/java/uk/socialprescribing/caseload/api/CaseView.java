package uk.socialprescribing.caseload.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.caseload.domain.Case;

@Schema(name = "Case")
public record CaseView(UUID id, UUID referralId, @Schema(example = "B82005") String practiceOdsCode,
        @Schema(enumeration = { "OPEN" }) String status, Instant openedAt) {

    static CaseView of(Case c) {
        return new CaseView(c.id(), c.referralId(), c.practiceOdsCode(), c.status().name(), c.openedAt());
    }
}
