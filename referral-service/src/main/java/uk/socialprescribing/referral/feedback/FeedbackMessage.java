package uk.socialprescribing.referral.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The message back to the GP and referrer (PRSB Social Prescribing Information Standard): what became of the
 * referral, who the link worker is and how to reach the service, and the SNOMED CT concept the referrer's system should
 * record where one applies. Carries no personal details beyond the referral id the referrer already holds and, on
 * closure, what the link worker wrote for the referrer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FeedbackMessage", description = "A message back to the referrer about its referral")
public record FeedbackMessage(
        @Schema(description = "Unique per message; a webhook receiver de-duplicates on it") UUID messageId,
        UUID referralId,
        @Schema(enumeration = { "accepted", "allocated", "declined", "redirected", "closed", "outcome-update", "test" },
                description = "accepted: accepted, and where the case went (a link worker, or the waiting list with its forecast); "
                        + "allocated: a waiting case reached a link worker, or went to another; outcome-update: an outcome measure "
                        + "recorded after closure completed a before-and-after pair; test: a test message, about no referral")
        String kind,
        @Schema(description = "The referral's status when the message was written", example = "ACCEPTED") String referralStatus,
        @Schema(description = "The SNOMED CT concept to record in the person's record, where one applies (docs/referrals.md)") Coding recordAs,
        Instant occurredAt,
        @Schema(description = "What happened, in a sentence or two, for the person reading it",
                example = "Accepted. Amara Okafor, link worker, will contact the person.") String text,
        @Schema(description = "The link worker: who triaged it (declined, redirected), or who is working with the person", example = "Amara Okafor")
        String linkWorker,
        @Schema(description = "How to reach the social prescribing service") ServiceContact contact,
        @Schema(description = "Accepted and allocated: where the case went") Allocation allocation,
        @Schema(description = "Declined: the coded reason", example = "needs-clinical-care") String declineReason,
        @Schema(description = "Redirected: where the referral went", example = "Harrogate Citizens Advice") String redirectedTo,
        @Schema(description = "Closed: how the person's support ended") Closure closure,
        @Schema(description = "Outcome update: the change per measure, where the person agreed to share it") List<OutcomeChange> outcomeChanges) {

    public static final String SNOMED = "http://snomed.info/sct";
    /**
     * The one concept these messages ask a referrer's system to record: the person declined social prescribing (at
     * triage, or by declining further support). "Referral to social prescribing service" (871731000000106) is what the
     * referrer recorded when it referred: sent again on acceptance or closure, a GP system filing it would code a second
     * referral. No confirmed concept says "accepted" or "completed", so those messages ask nothing to be recorded
     * (docs/referrals.md).
     */
    public static final Coding DECLINED = new Coding(SNOMED, "871711000000103", "Social prescribing declined");

    @Schema(name = "Coding")
    public record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ServiceContact")
    public record ServiceContact(@Schema(example = "Harrogate Central social prescribing team") String name,
            @Schema(example = "01632 960100") String phone, @Schema(example = "social.prescribing.harrogate@example.org") String email) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Allocation")
    public record Allocation(
            @Schema(enumeration = { "allocated", "waiting" }, description = "With a link worker, or on the network's waiting list") String status,
            @Schema(description = "Allocated: the link worker", example = "Amara Okafor") String linkWorker,
            @Schema(description = "Waiting: the forecast wait in days from the network's recent throughput; absent when there is none "
                    + "to forecast from", example = "12") Long forecastWaitDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Closure")
    public record Closure(
            @Schema(example = "goals-met") String reason,
            @Schema(example = "6") int sessionsCompleted,
            List<Activity> activitiesConnected,
            @Schema(description = "What the link worker wrote for the referrer about how the support went") String summary,
            @Schema(description = "What happens next, as the link worker wrote it (what the GP might pick up)") String nextSteps,
            @Schema(description = "Whether the person agreed to share their outcome measures with the referrer") boolean outcomeShared,
            @Schema(description = "Change per outcome measure, baseline to follow-up; only when the person agreed") List<OutcomeChange> outcomeChanges) {
    }

    @Schema(name = "ActivityConnected")
    public record Activity(UUID serviceId, String name, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OutcomeChange")
    public record OutcomeChange(
            @Schema(description = "The scale: SWEMWBS, WEMWBS, UCLA3, or one of ONS4's four (ONS4.life_satisfaction, ONS4.worthwhile, "
                    + "ONS4.happiness, ONS4.anxiety)", example = "UCLA3") String instrument,
            BigDecimal baseline, @Schema(description = "The day the baseline was completed") LocalDate baselineOn,
            BigDecimal followUp, @Schema(description = "The day the follow-up was completed") LocalDate followUpOn,
            @Schema(description = "followUp less baseline") BigDecimal change,
            @Schema(enumeration = { "higher", "lower" }, description = "Which way is better on this scale: lower on UCLA3 (loneliness) and "
                    + "ONS4 anxiety, higher on the others") String betterWhen,
            @Schema(enumeration = { "better", "worse", "unchanged" }, description = "The change read the right way round for the scale")
            String direction) {
    }
}
