package uk.socialprescribing.caseload.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.socialprescribing.caseload.domain.Allocation;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.CaseFlag;
import uk.socialprescribing.caseload.service.CaseQueries;

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
        @Schema(description = "The last attended session") Instant lastContactAt,
        @Schema(description = "The next booked session, if any") Instant nextSessionAt,
        @Schema(description = "Booked sessions whose time has passed without a record") int unrecordedSessions,
        @Schema(description = "The current care plan version; 0 before the first") int planVersion,
        @Schema(description = "Sessions the plan intends (typically 6 to 8); absent before the first plan", example = "6") Integer plannedSessions,
        @Schema(description = "first-contact-late: no first contact by its target date (or made after it); "
                + "missed-two-in-a-row: the last two recorded sessions were not attended; "
                + "session-unrecorded: a booked session's time passed without a record; "
                + "follow-up-overdue: nothing booked and the last contact longer ago than the follow-up interval (21 days by default); "
                + "consent-review-due: a consent the person gave is past its review date, and counts as not given until recorded again",
                type = SchemaType.ARRAY, implementation = CaseView.Flag.class)
        List<String> flags) {

    /** The flags a case can carry, as the document lists them (the list holds their codes). */
    @Schema(name = "CaseFlag", enumeration = { "first-contact-late", "missed-two-in-a-row", "session-unrecorded", "follow-up-overdue",
            "consent-review-due" },
            type = SchemaType.STRING)
    public interface Flag {
    }

    static CaseView of(CaseQueries.Summary summary) {
        Case c = summary.c();
        boolean waiting = c.allocation() == Allocation.WAITING;
        return new CaseView(c.id(), c.referralId(), c.practiceOdsCode(), c.pcnCode(), c.status().name(), c.urgency(),
                c.allocation().name(), c.linkWorkerId(), c.assignedAt(), waiting ? c.waitlistedAt() : null, c.openedAt(),
                c.closedAt(), c.closureReason() == null ? null : c.closureReason().code(), c.sessionsAttended(),
                c.firstContactAt(), c.firstContactDueBy(), c.lastContactAt(), summary.nextSessionAt(), summary.unrecordedSessions(),
                c.planVersion(), c.plannedSessions(), summary.flags().stream().map(CaseFlag::code).toList());
    }
}
