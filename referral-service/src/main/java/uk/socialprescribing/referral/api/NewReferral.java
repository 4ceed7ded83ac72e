package uk.socialprescribing.referral.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as a GP practice system sends it. */
@Schema(name = "NewReferral", description = "A referral to social prescribing from a GP practice system")
public record NewReferral(
        @NotNull @Valid @Schema(required = true) PersonDetails person,
        @NotBlank @Size(max = 2000)
        @Schema(required = true, description = "What matters to the person and why they are referred",
                example = "Widowed last year, rarely leaves the house; would like to meet people and get active again")
        String reason,
        @NotNull @AssertTrue(message = "the person must have agreed to the referral")
        @Schema(required = true, description = "The person agreed to be referred and to their details being shared",
                example = "true")
        Boolean consentGiven) {

    @Schema(name = "PersonDetails")
    public record PersonDetails(
            @NotNull @Pattern(regexp = "\\d{10}", message = "must be 10 digits")
            @Schema(required = true, example = "9434765919") String nhsNumber,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Richard") String givenName,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Smith") String familyName,
            @NotNull @Past @Schema(required = true, example = "1948-03-12") LocalDate dateOfBirth,
            @Size(max = 30) @Pattern(regexp = "[0-9 +()-]*", message = "must be a telephone number")
            @Schema(example = "07700 900123") String contactPhone) {
    }
}
