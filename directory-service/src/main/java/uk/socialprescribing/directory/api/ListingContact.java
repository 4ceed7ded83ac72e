package uk.socialprescribing.directory.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom people and link workers can ask about a listing. */
@Schema(name = "ListingContact")
public record ListingContact(@Size(max = 200) @Schema(nullable = true, example = "Sam Holt, walk leader") String name,
        @Email @Size(max = 254) @Schema(nullable = true, example = "walks@example.org") String email,
        @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,24}", message = "must be a telephone number")
        @Schema(nullable = true, example = "01632 960123") String phone) {
}
