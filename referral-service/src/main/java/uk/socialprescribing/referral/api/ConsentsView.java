package uk.socialprescribing.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.referral.domain.ConsentPurpose;
import uk.socialprescribing.referral.domain.ConsentRecord;
import uk.socialprescribing.referral.service.Consents;

/** A referral's consents as the API shows them: every purpose where it stands, what needs attention, and every change. */
@Schema(name = "Consents")
public record ConsentsView(UUID referralId,
        @Schema(description = "Every purpose, in a fixed order, where it stands now (not-recorded where nothing was ever recorded)")
        List<ConsentView> purposes,
        @Schema(description = "What the link worker should act on, in words: consents past their review date, which count as not given")
        List<String> attention,
        @Schema(description = "Every change recorded, newest first") List<ConsentView> history) {

    /** One purpose's consent as recorded. */
    @Schema(name = "Consent")
    public record ConsentView(
            @Schema(example = "share-contact-with-provider") ConsentPurpose purpose,
            @Schema(description = "What the purpose covers, in words") String meaning,
            @Schema(description = "given, refused, withdrawn, not-sought, or not-recorded",
                    enumeration = { "given", "refused", "withdrawn", "not-sought", "not-recorded" }) String status,
            @Schema(description = "Whether consent holds today: given, and not past its review date. Only then is the data used for "
                    + "this purpose") boolean holds,
            @Schema(description = "Given, but past its review date: it counts as not given until reviewed") boolean expired,
            @Schema(description = "The last day it holds without a review") LocalDate reviewBy,
            @Schema(description = "Why consent was not sought") String notSoughtReason,
            @Schema(description = "For the referral, when the person could not be asked: who made the best-interests decision")
            String bestInterestsDecidedBy,
            LocalDate bestInterestsDecidedOn,
            String note,
            @Schema(description = "Who recorded it: a user, or the referring organisation at intake") String recordedBy,
            Instant recordedAt) {

        static ConsentView of(ConsentRecord r, LocalDate today) {
            return new ConsentView(r.purpose(), r.purpose().meaning(), r.status().code(), r.holdsOn(today), r.expiredOn(today), r.reviewBy(),
                    r.notSoughtReason(), r.bestInterestsDecidedBy(), r.bestInterestsDecidedOn(), r.note(), r.recordedBy(), r.recordedAt());
        }

        static ConsentView notRecorded(ConsentPurpose purpose) {
            return new ConsentView(purpose, purpose.meaning(), "not-recorded", false, false, null, null, null, null, null, null, null);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static ConsentsView of(Consents.State state) {
        List<ConsentView> purposes = new ArrayList<>();
        List<String> attention = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            ConsentRecord current = state.current().get(purpose);
            purposes.add(current == null ? ConsentView.notRecorded(purpose) : ConsentView.of(current, state.today()));
            if (current != null && current.expiredOn(state.today())) {
                attention.add("Consent for \"" + purpose.meaning() + "\" was to be reviewed by " + DAY.format(current.reviewBy())
                        + ": it counts as not given until the person is asked again and it is recorded.");
            }
        }
        return new ConsentsView(state.referralId(), purposes, attention,
                state.history().stream().map(r -> ConsentView.of(r, state.today())).toList());
    }
}
