package uk.socialprescribing.outcomes.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralMetrics", description = "Referrals received and accepted per month, small numbers suppressed")
public record ReferralMetrics(
        @Schema(example = SuppressionRuleExample.TEXT) String suppression,
        List<MonthRow> months) {

    @Schema(name = "ReferralMetricsMonth")
    public record MonthRow(
            @Schema(example = "2026-11") String month,
            @Schema(description = "Rounded to the nearest 5; null when suppressed", example = "45") Long referralsReceived,
            @Schema(description = "Rounded to the nearest 5; null when suppressed", example = "30") Long referralsAccepted,
            @Schema(description = "The fields suppressed in this row") List<String> suppressed) {
    }

    interface SuppressionRuleExample {
        String TEXT = "Counts of 1 to 7 are suppressed; other counts are rounded to the nearest 5";
    }
}
