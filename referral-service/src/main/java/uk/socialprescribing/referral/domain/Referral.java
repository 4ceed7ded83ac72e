package uk.socialprescribing.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import uk.socialprescribing.conventions.Coded;

/**
 * A referral of a person to social prescribing, from receipt through triage to the close of the loop back to the
 * referrer. Modelled on the PRSB Social Prescribing Information Standard's referral. Each triage move is one method; a
 * move the current status does not allow is an {@link IllegalTransitionException}. Over 300 lines: about half is
 * accessors of its flat columns; its decisions (triage, withdrawal, closure) becoming embeddables is the next split.
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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reason_codes", nullable = false)
    private String[] reasonCodes;

    @Column(name = "reason_other")
    private String reasonOther;

    @Column(name = "what_matters")
    private String whatMatters;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_flags", nullable = false)
    private String[] riskFlags;

    @Column(name = "risk_notes")
    private String riskNotes;

    @Column(name = "consent_to_share_outcome", nullable = false)
    private boolean consentToShareOutcome;

    @Column(nullable = false)
    private String urgency;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "triage_due_by", nullable = false)
    private LocalDate triageDueBy;

    @Column(name = "triaged_by")
    private String triagedBy;

    @Column(name = "triaged_at")
    private Instant triagedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "redirected_to")
    private String redirectedTo;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closure_reason")
    private String closureReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_possible_duplicate", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "other_referral_id")
    private Set<UUID> possibleDuplicates = new LinkedHashSet<>();

    @Column(name = "last_changed_at", nullable = false)
    private Instant lastChangedAt;

    @Column(name = "triaged_by_name")
    private String triagedByName;

    /** Where the case went: assigned to a link worker, or waiting; null until caseload-service says. */
    @Column(name = "case_allocation")
    private String caseAllocation;

    @Column(name = "link_worker_name")
    private String linkWorkerName;

    @Column(name = "allocated_at")
    private Instant allocatedAt;

    @Column(name = "forecast_wait_days")
    private Integer forecastWaitDays;

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

    /** Who triaged it, as people know them (the sign-in name where the token gave no name). */
    public String triagedByName() {
        return triagedByName != null ? triagedByName : triagedBy;
    }

    public void triagedByName(String name) {
        this.triagedByName = name;
    }

    /** caseload-service opened the referral's case. */
    public void caseOpened(UUID caseId) {
        if (this.caseId == null) {
            this.caseId = caseId;
        }
    }

    /** The case went to a link worker; whether this is news (it was pending, waiting, or someone else's). */
    public boolean assignedTo(String linkWorker, Instant at) {
        boolean news = !"assigned".equals(caseAllocation) || !Objects.equals(linkWorkerName, linkWorker);
        caseAllocation = "assigned";
        linkWorkerName = linkWorker;
        allocatedAt = at;
        forecastWaitDays = null;
        return news;
    }

    /** The case joined the waiting list, with the network's forecast wait (null when there is none). */
    public void waiting(Long forecastDays, Instant at) {
        caseAllocation = "waiting";
        linkWorkerName = null;
        allocatedAt = at;
        forecastWaitDays = forecastDays == null ? null : (int) Math.min(Integer.MAX_VALUE, forecastDays);
    }

    /** assigned, waiting, or null while caseload-service has not yet said. */
    public String caseAllocation() {
        return caseAllocation;
    }

    public String linkWorkerName() {
        return linkWorkerName;
    }

    public Instant allocatedAt() {
        return allocatedAt;
    }

    public Long forecastWaitDays() {
        return forecastWaitDays == null ? null : forecastWaitDays.longValue();
    }

    /**
     * The short reference a person who referred themself was given to quote ("SP-4F2A9C": the first six hex digits of
     * the referral's id), or null for any other referral.
     */
    public String selfReferralReference() {
        return referrer.kind() == ReferrerKind.SELF ? "SP-" + id.toString().substring(0, 6).toUpperCase(Locale.ROOT) : null;
    }

    /** What the referral says about the person's needs, besides who they are. */
    public record Needs(List<ReasonCode> reasons, String reasonOther, String whatMatters, List<RiskFlag> riskFlags,
            String riskNotes, boolean consentToShareOutcome, Urgency urgency) {
        public Needs {
            if (reasons == null || reasons.isEmpty()) {
                throw new IllegalArgumentException("a referral has at least one reason");
            }
            reasons = List.copyOf(new LinkedHashSet<>(reasons));
            riskFlags = riskFlags == null ? List.of() : List.copyOf(new LinkedHashSet<>(riskFlags));
            urgency = urgency == null ? Urgency.ROUTINE : urgency;
        }
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
        referral.reasonCodes = needs.reasons().stream().map(ReasonCode::code).toArray(String[]::new);
        referral.reasonOther = needs.reasonOther();
        referral.whatMatters = needs.whatMatters();
        referral.riskFlags = needs.riskFlags().stream().map(RiskFlag::code).toArray(String[]::new);
        referral.riskNotes = needs.riskNotes();
        referral.consentToShareOutcome = needs.consentToShareOutcome();
        referral.urgency = needs.urgency().code();
        referral.receivedAt = receivedAt;
        referral.triageDueBy = triageDueBy;
        return referral;
    }

    /** A link worker takes the referral on after triage; caseload-service opens a case. */
    public void accept(String triagedBy, Instant at) {
        requireStatus(ReferralStatus.RECEIVED, "accepted");
        status = ReferralStatus.ACCEPTED;
        this.triagedBy = triagedBy;
        this.triagedAt = at;
    }

    /** Social prescribing is not right for the person, for a coded reason. */
    public void decline(String triagedBy, DeclineReason reason, String note, Instant at) {
        requireStatus(ReferralStatus.RECEIVED, "declined");
        status = ReferralStatus.DECLINED;
        this.triagedBy = triagedBy;
        this.triagedAt = at;
        this.decisionReason = reason.code();
        this.decisionNote = note;
    }

    /** Another service or organisation fits the person's needs better: the referral goes there. */
    public void redirect(String triagedBy, String to, String reason, String note, Instant at) {
        requireStatus(ReferralStatus.RECEIVED, "redirected");
        status = ReferralStatus.REDIRECTED;
        this.triagedBy = triagedBy;
        this.triagedAt = at;
        this.redirectedTo = to;
        this.decisionReason = reason;
        this.decisionNote = note;
    }

    /** The referrer takes the referral back, at any point before it is closed. */
    public void withdraw(String by, WithdrawalReason reason, String note, Instant at) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException(id, status, "withdrawn");
        }
        status = ReferralStatus.WITHDRAWN;
        this.withdrawnBy = by;
        this.withdrawnAt = at;
        this.decisionReason = reason.code();
        this.decisionNote = note;
    }

    /** The case opened for this referral ended: the journey is over and the loop back to the referrer closes. */
    public void closeAfterCase(UUID caseId, String reason, Instant at) {
        requireStatus(ReferralStatus.ACCEPTED, "closed");
        status = ReferralStatus.CLOSED;
        this.caseId = caseId;
        this.closureReason = reason;
        this.closedAt = at;
    }

    /** Another open referral for the same person: both are flagged, neither is merged. */
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

    public List<ReasonCode> reasons() {
        return Arrays.stream(reasonCodes).map(c -> Coded.fromCode(ReasonCode.class, c).orElseThrow()).toList();
    }

    public String reasonOther() {
        return reasonOther;
    }

    public String whatMatters() {
        return whatMatters;
    }

    public List<RiskFlag> riskFlags() {
        return Arrays.stream(riskFlags).map(c -> Coded.fromCode(RiskFlag.class, c).orElseThrow()).toList();
    }

    public String riskNotes() {
        return riskNotes;
    }

    public boolean consentToShareOutcome() {
        return consentToShareOutcome;
    }

    public Urgency urgency() {
        return Coded.fromCode(Urgency.class, urgency).orElseThrow();
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate triageDueBy() {
        return triageDueBy;
    }

    public String triagedBy() {
        return triagedBy;
    }

    public Instant triagedAt() {
        return triagedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public String redirectedTo() {
        return redirectedTo;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public UUID caseId() {
        return caseId;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closureReason() {
        return closureReason;
    }

    public Set<UUID> possibleDuplicates() {
        return Set.copyOf(possibleDuplicates);
    }

    /** The row version, which the API shows as the ETag. */
    public long version() {
        return version;
    }
}
