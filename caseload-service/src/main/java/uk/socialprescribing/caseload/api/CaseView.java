package uk.socialprescribing.caseload.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.caseload.domain.Case;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Case")
public record CaseView(UUID id, UUID referralId, @Schema(example = "B82005") String practiceOdsCode,
        @Schema(example = "U84002") String pcnCode,
        @Schema(enumeration = { "OPEN", "CLOSED" }) String status,
        @Schema(enumeration = { "routine", "urgent" }) String urgency,
        @Schema(enumeration = { "ASSIGNED", "WAITING" }, description = "Assigned to a link worker, or on the PCN's waiting list")
        String allocation,
        UUID linkWorkerId, Instant assignedAt, Instant waitingSince, Instant openedAt, Instant closedAt,
        @Schema(example = "goals-met") String closureReason) {

    static CaseView of(Case c) {
        boolean waiting = c.allocation() == uk.socialprescribing.caseload.domain.Allocation.WAITING;
        return new CaseView(c.id(), c.referralId(), c.practiceOdsCode(), c.pcnCode(), c.status().name(), c.urgency(),
                c.allocation().name(), c.linkWorkerId(), c.assignedAt(), waiting ? c.waitlistedAt() : null, c.openedAt(),
                c.closedAt(), c.closureReason() == null ? null : c.closureReason().code());
    }
}
