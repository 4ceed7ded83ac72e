package uk.socialprescribing.caseload.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link worker as admin or a lead describes them. */
@Schema(name = "LinkWorkerDetails")
public record LinkWorkerDetails(
        @NotBlank @Size(max = 200) @Schema(required = true, description = "Their Keycloak username", example = "amara.okafor") String username,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Amara Okafor") String displayName,
        @NotNull @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be a PCN code such as U84002")
        @Schema(required = true, example = "U84002") String pcnCode,
        @Size(max = 50) @Schema(description = "Practices covered (ODS codes of the PCN); all of the PCN's when empty",
                example = "[\"B82005\", \"B82018\"]") List<@Pattern(regexp = "[A-Z][0-9]{5}", message = "must be an ODS code such as B82005") String> practices,
        @NotEmpty @Size(max = 20) @Schema(required = true, example = "[\"en\", \"yo\"]")
        List<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en") String> languages,
        @NotEmpty @Size(max = 7) @Schema(required = true, example = "[\"mon\", \"tue\", \"thu\"]")
        List<@Pattern(regexp = "mon|tue|wed|thu|fri|sat|sun", message = "must be a day such as mon") String> workingDays,
        @NotNull @Min(0) @Max(500) @Schema(required = true, description = "Open cases at once", example = "40") Integer activeCaseCap,
        @NotNull @Min(0) @Max(400) @Schema(required = true, description = "People taken on per year (NHS guidance: 200-250)",
                example = "225") Integer yearlyCap,
        @Schema(description = "A team lead", defaultValue = "false") Boolean lead) {
}
