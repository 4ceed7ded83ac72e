package uk.socialprescribing.referral.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person refers themself (no token). They name their GP practice or give a postcode, and a way to reach them.
 */
@Schema(name = "SelfReferral", description = "A person refers themself to social prescribing")
public record SelfReferral(
        @NotNull @Valid @Schema(required = true) NewReferral.PersonDetails person,
        @NotEmpty @Size(max = 11) @Schema(required = true) List<NewReferral.@NotNull @Valid Reason> reasons,
        @Size(max = 4000) @Schema(description = "What matters to you", example = "I'd like to get out more and meet people")
        String whatMatters,
        @NotNull @AssertTrue(message = "you must agree to the referral and to a link worker contacting you")
        @Schema(required = true, example = "true") Boolean consent) {
}
