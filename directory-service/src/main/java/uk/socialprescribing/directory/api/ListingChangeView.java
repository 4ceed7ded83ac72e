package uk.socialprescribing.directory.api;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.directory.domain.ListingChange;

/** One entry of a listing's change log: who did what, when, and each field before and after. */
@Schema(name = "ListingChange")
public record ListingChangeView(String changedBy, Instant changedAt,
        @Schema(enumeration = { "created", "updated", "capacity-changed", "assured", "approved", "rejected", "withdrawn" }) String action,
        @Schema(description = "Each changed field, before and after") Map<String, ListingChange.Difference> changes) {
}
