package uk.socialprescribing.directory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.Preconditions;
import uk.socialprescribing.directory.domain.Listing;

/**
 * A listing as it reads. Every field a write takes is here, null where it is not set (never left out), so that a
 * listing read, changed and sent back whole to PUT keeps what it had; the other fields are the directory's, left out
 * when empty and ignored when sent back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Service", description = "A service in the community resource directory")
public record ListingView(UUID id, UUID organizationId, @Schema(example = "Harrogate Health Walk") String name,
        String description, @Schema(example = "walking") String category, String venue, String town,
        @Schema(example = "HG1 2RP") String postcode, @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, example = "Tuesdays 10:30-12:00") String schedule,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, example = "Free") String cost,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) Integer capacityMaximum,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) Integer capacityAvailable,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "The youngest it is for; null: no lower limit", example = "18") Integer minimumAge,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "The oldest it is for; null: no upper limit") Integer maximumAge,
        @Schema(description = "When someone who runs it last confirmed the listing is right") LocalDate assuredDate,
        @Schema(description = "Not assured for six months") boolean stale, Instant lastModified,
        @Schema(enumeration = { "pending", "approved", "rejected" }, description = "A partner's new listing waits for admin approval")
        Listing.Moderation moderation,
        @Schema(description = "Why admin turned it down") String moderationNote,
        @Schema(description = "When it left the directory") Instant withdrawnAt,
        @Schema(description = "Language codes") List<String> languages,
        @Schema(description = "Access feature codes") List<String> accessibility,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) Listing.Contact contact) {

    /** The listing as the answer's body, its version as the ETag. */
    static Response withEtag(Listing listing, Response.ResponseBuilder response) {
        return response.entity(of(listing)).header(HttpHeaders.ETAG, Preconditions.etag(listing.version())).build();
    }

    static ListingView of(Listing listing) {
        Listing.Details d = listing.details();
        return new ListingView(listing.id(), listing.organization().id(), d.name(), d.description(),
                d.category(), d.venue(), d.town(), d.postcode(), d.schedule(), d.cost(), d.capacityMaximum(), d.capacityAvailable(),
                d.minimumAge(), d.maximumAge(), listing.assuredDate(),
                listing.stale(LocalDate.now(Clocks.ENGLAND)), listing.lastModified(), listing.moderation(),
                listing.moderationNote(), listing.withdrawnAt(), d.languages(), d.accessibility(), d.contact());
    }
}
