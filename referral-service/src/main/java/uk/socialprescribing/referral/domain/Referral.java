package uk.socialprescribing.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A referral of a person to social prescribing, from receipt through triage to the close of the loop back to the
 * referrer. Modelled on the PRSB Social Prescribing Information Standard's referral. Each triage move is one method; a
 * move the current status does not allow is an {@link IllegalTransitionException}. What it says about the person's
 * needs, and each decision on its way (triage, withdrawal, where the case went, closure), is a value of its own.
 */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status;

    @Embedded
    private Referrer referrer;

    @Embedded
    private Person person;

    @Column(name = "practice_ods_code")
    private String practiceOdsCode;

    @Column(name = "pcn_code", nullable = false)
    private String pcnCode;

    @Embedded
    private Needs needs;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "triage_due_by", nullable = false)
    private LocalDate triageDueBy;

    @Embedded
    private TriageDecision triage;

    @Embedded
    private Withdrawal withdrawal;

    @Column(name = "case_id")
    private UUID caseId;

    @Embedded
    private Closure closure;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_possible_duplicate", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "other_referral_id")
    private Set<UUID> possibleDuplicates = new LinkedHashSet<>();

    @Column(name = "last_changed_at", nullable = false)
    private Instant lastChangedAt;

    @Embedded
    private Allocation allocation;

    @Version
    private long version;

    protected Referral() {
    }

    /**
     * Any change of the referral's own is a change a referrer polling with changedSince hears of. To the millisecond,
     * as FHIR's meta.lastUpdated carries it, so that "changed after the last one seen" excludes that one.
     */
    @PrePersist
    @PreUpdate
    void changed() {
        lastChangedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    /** The name people know the triager by, once the caller's token has given it. */
    public void triagedByName(String name) {
        triage = triage.named(name);
    }

    /** caseload-service opened the referral's case. */
    public void caseOpened(UUID caseId) {
        if (this.caseId == null) {
            this.caseId = caseId;
        }
    }

    /** The case went to a link worker; whether this is news (it was pending, waiting, or someone else's). */
    public boolean assignedTo(String linkWorker, Instant at) {
        boolean news = allocation == null || !allocation.isAssigned() || !Objects.equals(allocation.linkWorkerName(), linkWorker);
        allocation = Allocation.assigned(linkWorker, at);
        return news;
    }

    /** The case joined the waiting list, with the network's forecast wait (null when there is none). */
    public void waiting(Long forecastDays, Instant at) {
        allocation = Allocation.waiting(forecastDays, at);
    }

    /** Where the case went, or null while caseload-service has not yet said. */
    public Allocation allocation() {
        return allocation;
    }

    /**
     * The short reference a person who referred themself was given to quote ("SP-4F2A9C": the first six hex digits of
     * the referral's id), or null for any other referral.
     */
    public String selfReferralReference() {
        return referrer.kind() == ReferrerKind.SELF ? "SP-" + id.toString().substring(0, 6).toUpperCase(Locale.ROOT) : null;
    }

    /** A referral arrives: it waits for triage until {@code triageDueBy}. */
    public static Referral receive(Referrer referrer, Person person, String practiceOdsCode, String pcnCode, Needs needs,
            Instant receivedAt, LocalDate triageDueBy) {
        if (referrer.kind().mustGiveNhsNumber() && person.nhsNumber() == null) {
            throw new IllegalArgumentException("a health referrer must give the NHS number");
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.status = ReferralStatus.RECEIVED;
        referral.referrer = referrer;
        referral.person = person;
        referral.practiceOdsCode = practiceOdsCode;
        referral.pcnCode = pcnCode;
        referral.needs = needs;
        referral.receivedAt = receivedAt;
        referral.triageDueBy = triageDueBy;
        return referral;
    }

    /** A link worker takes the referral on after triage; caseload-service opens a case. */
    public void accept(String triagedBy, Instant at) {
        requireStatus(ReferralStatus.RECEIVED, "accepted");
        status = ReferralStatus.ACCEPTED;
        triage = TriageDecision.accepted(triagedBy, at);
    }

    /** Social prescribing is not right for the person, for a coded reason. */
    public void decline(String triagedBy, DeclineReason reason, String note, Instant at) {
        requireStatus(ReferralStatus.RECEIVED, "declined");
        status = ReferralStatus.DECLINED;
        triage = TriageDecision.declined(triagedBy, reason, note, at);
    }

    /** Another service or organisation fits the person's needs better: the referral goes there. */
    public void redirect(String triagedBy, String to, String reason, String note, Instant at) {
        requireStatus(ReferralStatus.RECEIVED, "redirected");
        status = ReferralStatus.REDIRECTED;
        triage = TriageDecision.redirected(triagedBy, to, reason, note, at);
    }

    /** The referrer takes the referral back, at any point before it is closed. */
    public void withdraw(String by, WithdrawalReason reason, String note, Instant at) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException(id, status, "withdrawn");
        }
        status = ReferralStatus.WITHDRAWN;
        withdrawal = new Withdrawal(by, at, reason, note);
    }

    /** The case opened for this referral ended: the journey is over and the loop back to the referrer closes. */
    public void closeAfterCase(UUID caseId, String reason, Instant at) {
        requireStatus(ReferralStatus.ACCEPTED, "closed");
        status = ReferralStatus.CLOSED;
        this.caseId = caseId;
        closure = new Closure(at, reason);
    }

    /** Another open referral for the same person: both are flagged, neither is merged. */
    /** The person's consent to share the outcome with the referrer, as it now stands (the consents' history keeps each change). */
    public void consentToShareOutcome(boolean given) {
        if (needs.consentToShareOutcome() != given) {
            needs = new Needs(needs.reasons(), needs.reasonOther(), needs.whatMatters(), needs.riskFlags(), needs.riskNotes(), given,
                    needs.urgency());
        }
    }

    public void flagPossibleDuplicateOf(UUID other) {
        possibleDuplicates.add(other);
    }

    private void requireStatus(ReferralStatus required, String move) {
        if (status != required) {
            throw new IllegalTransitionException(id, status, move);
        }
    }

    /** Whether the organisation with this key (ODS code or organisation id) made the referral. */
    public boolean wasReferredBy(String organisation) {
        return organisation != null && organisation.equals(referrer.organisation());
    }

    public boolean isOverdue(LocalDate today) {
        return status == ReferralStatus.RECEIVED && today.isAfter(triageDueBy);
    }

    public UUID id() {
        return id;
    }

    public ReferralStatus status() {
        return status;
    }

    public Referrer referrer() {
        return referrer;
    }

    public Person person() {
        return person;
    }

    public String practiceOdsCode() {
        return practiceOdsCode;
    }

    public String pcnCode() {
        return pcnCode;
    }

    public Needs needs() {
        return needs;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate triageDueBy() {
        return triageDueBy;
    }

    /** The triage decision, or null before triage. */
    public TriageDecision triage() {
        return triage;
    }

    /** The withdrawal, or null unless withdrawn. */
    public Withdrawal withdrawal() {
        return withdrawal;
    }

    /** Why it stands where it does: the withdrawal's reason, or the triage decision's, or null. */
    public String statusReason() {
        return withdrawal != null ? withdrawal.reason().code() : triage != null ? triage.reason() : null;
    }

    /** The case opened for it, once caseload-service has said. */
    public UUID caseId() {
        return caseId;
    }

    /** The end of the journey, or null until its case closes. */
    public Closure closure() {
        return closure;
    }

    public Set<UUID> possibleDuplicates() {
        return Set.copyOf(possibleDuplicates);
    }

    /** The row version, which the API shows as the ETag. */
    public long version() {
        return version;
    }
}
