package uk.socialprescribing.referral.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The message back to the GP and referrer (PRSB Social Prescribing Information Standard): what became of the
 * referral, with the SNOMED CT concept the referrer's system should record. Carries no personal details beyond the
 * referral id the referrer already holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FeedbackMessage", description = "A message back to the referrer about its referral")
public record FeedbackMessage(
        @Schema(description = "Unique per message; a webhook receiver de-duplicates on it") UUID messageId,
        UUID referralId,
        @Schema(enumeration = { "accepted", "declined", "redirected", "closed", "outcome-update" },
                description = "outcome-update: an outcome measure recorded after closure completed a before-and-after pair")
        String kind,
        @Schema(description = "The referral's status when the message was written", example = "ACCEPTED") String referralStatus,
        @Schema(description = "The SNOMED CT concept to record in the person's record, where one applies") Coding recordAs,
        Instant occurredAt,
        @Schema(description = "Declined: the coded reason", example = "needs-clinical-care") String declineReason,
        @Schema(description = "Redirected: where the referral went", example = "Harrogate Citizens Advice") String redirectedTo,
        @Schema(description = "Closed: how the person's support ended") Closure closure,
        @Schema(description = "Outcome update: the change per measure, where the person agreed to share it") List<OutcomeChange> outcomeChanges) {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final Coding REFERRED = new Coding(SNOMED, "871731000000106", "Referral to social prescribing service");
    public static final Coding DECLINED = new Coding(SNOMED, "871711000000103", "Social prescribing declined");

    @Schema(name = "Coding")
    public record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Closure")
    public record Closure(
            @Schema(example = "goals-met") String reason,
            @Schema(example = "6") int sessionsCompleted,
            List<Activity> activitiesConnected,
            @Schema(description = "Whether the person agreed to share their outcome measures with the referrer") boolean outcomeShared,
            @Schema(description = "Change per outcome measure, baseline to follow-up; only when the person agreed") List<OutcomeChange> outcomeChanges) {
    }

    @Schema(name = "ActivityConnected")
    public record Activity(UUID serviceId, String name, String status) {
    }

    @Schema(name = "OutcomeChange")
    public record OutcomeChange(@Schema(example = "SWEMWBS") String instrument, BigDecimal baseline, BigDecimal followUp,
            BigDecimal change) {
    }
}
