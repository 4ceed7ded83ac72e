package uk.socialprescribing.referral.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.referral.api.validation.ValidNhsNumber;
import uk.socialprescribing.referral.domain.ContactMethod;
import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.RiskFlag;
import uk.socialprescribing.referral.domain.Urgency;

/**
 * A referral from an organisation: a GP practice, pharmacy or hospital (token claim {@code ods_code}) or another
 * agency (claim {@code organisation_id}). The organisation is the caller's, never named in the body.
 */
@Schema(name = "NewReferral", description = "A referral to social prescribing from a GP practice system or another agency")
public record NewReferral(
        @NotNull @Valid @Schema(required = true) PersonDetails person,
        @NotNull @Valid @Schema(required = true) ReferrerDetails referrer,
        @NotEmpty @Size(max = 11) @Schema(required = true, description = "Why the person is referred: one or more coded reasons")
        List<@NotNull @Valid Reason> reasons,
        @Size(max = 4000) @Schema(description = "What matters to the person, in their words where possible",
                example = "Widowed last year, rarely leaves the house; would like to meet people and get active again")
        String whatMatters,
        @Size(max = 6) @Schema(description = "Risks a link worker must know of before first contact")
        List<@NotNull RiskFlag> riskFlags,
        @Size(max = 2000) @Schema(description = "Details of the risks flagged") String riskNotes,
        @NotNull @Valid @Schema(required = true) Consent consent,
        @Schema(description = "routine unless said otherwise", defaultValue = "routine") Urgency urgency) {

    @Schema(name = "PersonDetails", description = "The person referred")
    public record PersonDetails(
            @ValidNhsNumber @Schema(description = "Required from health referrers (GP practice, pharmacy, hospital)",
                    example = "9434765919") String nhsNumber,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Richard") String givenName,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Smith") String familyName,
            @NotNull @Past @Schema(required = true, example = "1948-03-12") LocalDate dateOfBirth,
            @Valid AddressDetails address,
            @Size(max = 30) @Pattern(regexp = "[0-9 +()-]*", message = "must be a telephone number")
            @Schema(example = "07700 900123") String phone,
            @Size(max = 254) @Email @Schema(example = "richard.smith@example.com") String email,
            @Schema(example = "phone") ContactMethod preferredContactMethod,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or pl")
            @Schema(description = "Preferred language (BCP 47)", example = "en") String language,
            @Schema(example = "false") Boolean interpreterNeeded,
            @Size(max = 1000) @Schema(example = "Uses a wheelchair; hard of hearing in the left ear") String accessibilityNeeds,
            @Pattern(regexp = "[A-Za-z][0-9]{5}", message = "must be a GP practice ODS code such as B82005")
            @Schema(description = "The person's GP practice; a GP practice referring may omit it (it is the practice itself)",
                    example = "B82018") String gpPracticeOdsCode) {
    }

    @Schema(name = "Address")
    public record AddressDetails(
            @Size(max = 200) @Schema(example = "14 Cold Bath Road") String line1,
            @Size(max = 200) String line2,
            @Size(max = 100) @Schema(example = "Harrogate") String town,
            @Pattern(regexp = "\\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\\s*[0-9][A-Za-z]{2}\\s*", message = "must be a UK postcode")
            @Schema(example = "HG1 2NE") String postcode) {
    }

    @Schema(name = "ReferrerDetails", description = "The professional who refers; their organisation comes from the token")
    public record ReferrerDetails(
            @NotBlank @Size(max = 200) @Schema(required = true, example = "Dr Asha Patel") String name,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "GP") String role,
            @Size(max = 30) @Pattern(regexp = "[0-9 +()-]*", message = "must be a telephone number")
            @Schema(example = "01423 555 0100") String phone,
            @Size(max = 254) @Email @Schema(example = "asha.patel@nhs.net") String email) {
    }

    @Schema(name = "Reason")
    public record Reason(
            @NotNull @Schema(required = true, example = "loneliness-or-isolation") ReasonCode code,
            @Size(max = 500) @Schema(description = "Required with code other") String text) {
    }

    @Schema(name = "Consent")
    public record Consent(
            @NotNull @AssertTrue(message = "the person must have agreed to the referral")
            @Schema(required = true, description = "The person agreed to be referred and to their details being shared",
                    example = "true") Boolean referral,
            @Schema(description = "The person agreed that the outcome of their support is shared with the referrer",
                    defaultValue = "false", example = "true") Boolean shareOutcomeWithReferrer) {
    }
}
