package uk.socialprescribing.directory.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Places free now, and the most there can be. */
@Schema(name = "Capacity")
public record Capacity(@NotNull @Min(0) @Schema(required = true, description = "Places free now", example = "4") Integer available,
        @Min(0) @Schema(description = "The most there can be; unchanged when left out", example = "12") Integer maximum) {
}
