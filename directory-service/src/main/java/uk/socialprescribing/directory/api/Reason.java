package uk.socialprescribing.directory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a listing is withdrawn or turned down. */
@Schema(name = "Reason")
public record Reason(@NotBlank @Size(max = 200) @Schema(required = true, example = "funding-ended") String reason) {
}
