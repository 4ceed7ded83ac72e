package uk.socialprescribing.referral.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.referral.domain.Allocation;
import uk.socialprescribing.referral.domain.ContactMethod;
import uk.socialprescribing.referral.domain.Needs;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.domain.Referrer;
import uk.socialprescribing.referral.domain.RiskFlag;
import uk.socialprescribing.referral.domain.TriageDecision;
import uk.socialprescribing.referral.domain.Urgency;

/** A referral as its referrer and the link workers see it, with links named at the caller's public address. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        @Schema(description = "A self-referral's reference, as the person was given it to quote", example = "SP-4F2A9C") String selfReferralReference,
        @Schema(enumeration = { "RECEIVED", "ACCEPTED", "DECLINED", "REDIRECTED", "WITHDRAWN", "CLOSED" }) String status,
        ReferrerView referrer,
        PersonView person,
        @Schema(example = "B82005") String practiceOdsCode,
        @Schema(example = "U84002") String pcnCode,
        List<ReasonView> reasons,
        String whatMatters,
        List<RiskFlag> riskFlags,
        String riskNotes,
        @Schema(description = "The person agreed that the outcome is shared with the referrer") boolean consentToShareOutcome,
        Urgency urgency,
        Instant receivedAt,
        @Schema(description = "The date by which triage is due") LocalDate triageDueBy,
        @Schema(description = "Days from receipt to triage, or to today while it waits") long daysWaiting,
        @Schema(description = "Waiting for triage past its due date") boolean overdue,
        Decision decision,
        @Schema(description = "Accepted: where its case went, as caseload-service announced it") CaseAllocation caseAllocation,
        @Schema(description = "Other open referrals of the same person (by NHS number; without one, by name, date of birth and postcode): "
                + "flagged, never merged") List<UUID> possibleDuplicates,
        @Schema(description = "When the referral last changed") Instant lastChangedAt,
        Map<String, URI> links) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReferrerView")
    public record ReferrerView(@Schema(example = "gp-practice") String kind, @Schema(example = "B82005") String organisation,
            String odsCode, String name, String role, String phone, String email) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PersonView")
    public record PersonView(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth,
            NewReferral.AddressDetails address, String phone, String email, ContactMethod preferredContactMethod,
            String language, boolean interpreterNeeded, String accessibilityNeeds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReasonView")
    public record ReasonView(ReasonCode code, String display, String text, String snomedCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Decision", description = "What triage or the referrer decided, and when")
    public record Decision(String by, Instant at, String reason, String note, String redirectedTo, UUID caseId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseAllocation")
    public record CaseAllocation(UUID caseId,
            @Schema(enumeration = { "pending", "allocated", "waiting" }, description = "pending: caseload-service has not yet said (it does "
                    + "within seconds); allocated: with a link worker; waiting: on the network's waiting list") String status,
            @Schema(example = "Amara Okafor") String linkWorker,
            @Schema(description = "Waiting: the forecast wait in days from recent throughput, where there is one") Long forecastWaitDays,
            @Schema(description = "When it was allocated, or joined the waiting list") Instant since) {

        static CaseAllocation of(Referral r) {
            if (r.status() != ReferralStatus.ACCEPTED
                    && r.status() != ReferralStatus.CLOSED) {
                return null;
            }
            Allocation a = r.allocation();
            if (a == null) {
                return new CaseAllocation(r.caseId(), "pending", null, null, null);
            }
            return new CaseAllocation(r.caseId(), a.isAssigned() ? "allocated" : "waiting", a.linkWorkerName(), a.forecastDays(), a.at());
        }
    }

    static ReferralView of(Referral r, LocalDate today, UriInfo uri) {
        Referrer referrer = r.referrer();
        Referrer.Professional professional = referrer.professional();
        Person p = r.person();
        Person.Address a = p.address();
        Needs needs = r.needs();
        List<ReasonView> reasons = needs.reasons().stream().map(code -> new ReasonView(code, code.display(),
                code == ReasonCode.OTHER ? needs.reasonOther() : null, code.snomedCode())).toList();
        return new ReferralView(r.id(), r.selfReferralReference(), r.status().name(),
                new ReferrerView(referrer.kind().code(), referrer.organisation(), referrer.odsCode(),
                        professional == null ? null : professional.name(), professional == null ? null : professional.role(),
                        professional == null ? null : professional.phone(), professional == null ? null : professional.email()),
                new PersonView(p.nhsNumber(), p.givenName(), p.familyName(), p.dateOfBirth(),
                        a == null ? null : new NewReferral.AddressDetails(a.line1(), a.line2(), a.town(), a.postcode()),
                        p.phone(), p.email(), p.preferredContact(), p.language(), p.interpreterNeeded(), p.accessibilityNeeds()),
                r.practiceOdsCode(), r.pcnCode(), reasons, needs.whatMatters(), needs.riskFlags(), needs.riskNotes(),
                needs.consentToShareOutcome(), needs.urgency(), r.receivedAt(), r.triageDueBy(), daysWaiting(r, today),
                r.isOverdue(today), decision(r), CaseAllocation.of(r), r.possibleDuplicates().isEmpty() ? null : List.copyOf(r.possibleDuplicates()),
                r.lastChangedAt(), links(r, uri));
    }

    static long daysWaiting(Referral r, LocalDate today) {
        LocalDate received = LocalDate.ofInstant(r.receivedAt(), Clocks.ENGLAND);
        LocalDate until = r.triage() != null ? LocalDate.ofInstant(r.triage().at(), Clocks.ENGLAND)
                : r.withdrawal() != null ? LocalDate.ofInstant(r.withdrawal().at(), Clocks.ENGLAND) : today;
        return ChronoUnit.DAYS.between(received, until);
    }

    static Decision decision(Referral r) {
        TriageDecision t = r.triage();
        return switch (r.status()) {
            case RECEIVED -> null;
            case ACCEPTED -> new Decision(t.by(), t.at(), null, null, null, null);
            case DECLINED -> new Decision(t.by(), t.at(), t.reason(), t.note(), null, null);
            case REDIRECTED -> new Decision(t.by(), t.at(), t.reason(), t.note(), t.redirectedTo(), null);
            case WITHDRAWN -> new Decision(null, r.withdrawal().at(), r.withdrawal().reason().code(), r.withdrawal().note(), null, null);
            case CLOSED -> new Decision(null, r.closure().at(), r.closure().reason(), null, null, r.caseId());
        };
    }

    /** Links at the address the caller used (the gateway's, from Forwarded / X-Forwarded-* headers). */
    static Map<String, URI> links(Referral r, UriInfo uri) {
        Map<String, URI> links = new LinkedHashMap<>();
        links.put("self", uri.getBaseUriBuilder().path("api/referrals").path(r.id().toString()).build());
        links.put("feedback", uri.getBaseUriBuilder().path("api/referrals").path(r.id().toString()).path("feedback").build());
        links.put("fhir", uri.getBaseUriBuilder().path("fhir/ServiceRequest").path(r.id().toString()).build());
        return links;
    }
}
