package uk.socialprescribing.caseload.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.caseload.service.Allocating;

/** A link worker with their load against their caps. */
@Schema(name = "LinkWorker")
public record LinkWorkerView(UUID id, @Schema(example = "amara.okafor") String username,
        @Schema(example = "Amara Okafor") String displayName, @Schema(example = "U84002") String pcnCode,
        List<String> practices, @Schema(example = "[\"en\", \"yo\"]") List<String> languages,
        @Schema(example = "[\"mon\", \"tue\", \"thu\"]") List<String> workingDays,
        @Schema(example = "40") int activeCaseCap, @Schema(example = "225") int yearlyCap, boolean lead,
        @Schema(description = "Open cases assigned now") long activeCases,
        @Schema(description = "People taken on in the last 365 days") long takenOnThisYear,
        @Schema(description = "Places left under both caps") int spareCapacity) {

    static LinkWorkerView of(Allocating.Load load) {
        var w = load.worker();
        return new LinkWorkerView(w.id(), w.username(), w.displayName(), w.pcnCode(), w.practices(), w.languages(),
                w.workingDays(), w.activeCaseCap(), w.yearlyCap(), w.lead(), load.activeCases(), load.takenOnThisYear(), load.spare());
    }
}
