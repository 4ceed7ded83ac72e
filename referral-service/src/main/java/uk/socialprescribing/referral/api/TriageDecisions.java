package uk.socialprescribing.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.referral.domain.DeclineReason;
import uk.socialprescribing.referral.domain.WithdrawalReason;

/** The bodies of the triage moves that need one. */
public final class TriageDecisions {

    private TriageDecisions() {
    }

    @Schema(name = "Decline")
    public record Decline(
            @NotNull @Schema(required = true, example = "needs-clinical-care") DeclineReason reason,
            @Size(max = 2000) @Schema(example = "Needs assessment by the community mental health team first") String note) {
    }

    @Schema(name = "Redirect")
    public record Redirect(
            @NotBlank @Size(max = 200) @Schema(required = true, description = "The service or organisation it goes to",
                    example = "Harrogate Citizens Advice") String to,
            @Pattern(regexp = "[a-z][a-z-]{1,99}", message = "must be a code such as debt-advice")
            @Schema(description = "Coded reason", example = "debt-advice") String reason,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "Withdraw")
    public record Withdraw(
            @NotNull @Schema(required = true, example = "person-changed-mind") WithdrawalReason reason,
            @Size(max = 2000) String note) {
    }
}
