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
        @Schema(example = "goals-met") String closureReason,
        @Schema(description = "Sessions attended so far") int sessionsAttended,
        @Schema(description = "The first attended session") Instant firstContactAt,
        @Schema(description = "The target date for first contact (14 days after the case opened by default)") Instant firstContactDueBy,
        @Schema(description = "first-contact-late: no first contact by its target date (or made after it); "
                + "missed-two-in-a-row: the last two recorded sessions were not attended") java.util.List<String> flags) {

    static CaseView of(Case c) {
        boolean waiting = c.allocation() == uk.socialprescribing.caseload.domain.Allocation.WAITING;
        return new CaseView(c.id(), c.referralId(), c.practiceOdsCode(), c.pcnCode(), c.status().name(), c.urgency(),
                c.allocation().name(), c.linkWorkerId(), c.assignedAt(), waiting ? c.waitlistedAt() : null, c.openedAt(),
                c.closedAt(), c.closureReason() == null ? null : c.closureReason().code(), c.sessionsAttended(),
                c.firstContactAt(), c.firstContactDueBy(), flags(c));
    }

    static java.util.List<String> flags(Case c) {
        java.util.List<String> flags = new java.util.ArrayList<>();
        if (c.status() == uk.socialprescribing.caseload.domain.CaseStatus.OPEN && c.firstContactLate(Instant.now())) {
            flags.add("first-contact-late");
        }
        if (c.missedTwoInARow()) {
            flags.add("missed-two-in-a-row");
        }
        return flags;
    }
}
