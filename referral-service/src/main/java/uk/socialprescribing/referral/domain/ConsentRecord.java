package uk.socialprescribing.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of one purpose's consent for a referral, as recorded: rows are only ever added, and the newest for a
 * purpose is where it stands.
 */
@Entity
@Table(name = "referral_consent")
public class ConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "referral_id", nullable = false)
    UUID referralId;

    @Column(nullable = false)
    ConsentPurpose purpose;

    @Column(nullable = false)
    ConsentStatus status;

    @Column(name = "review_by")
    LocalDate reviewBy;

    @Column(name = "not_sought_reason")
    String notSoughtReason;

    @Column(name = "best_interests_decided_by")
    String bestInterestsDecidedBy;

    @Column(name = "best_interests_decided_on")
    LocalDate bestInterestsDecidedOn;

    String note;

    @Column(name = "recorded_by", nullable = false)
    String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    protected ConsentRecord() {
    }

    public ConsentRecord(UUID referralId, ConsentPurpose purpose, ConsentStatus status, LocalDate reviewBy, String notSoughtReason,
            String bestInterestsDecidedBy, LocalDate bestInterestsDecidedOn, String note, String recordedBy, Instant recordedAt) {
        this.referralId = referralId;
        this.purpose = purpose;
        this.status = status;
        this.reviewBy = reviewBy;
        this.notSoughtReason = notSoughtReason;
        this.bestInterestsDecidedBy = bestInterestsDecidedBy;
        this.bestInterestsDecidedOn = bestInterestsDecidedOn;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** Consent that holds on this day: given, and not past its review date. */
    public boolean holdsOn(LocalDate day) {
        return status == ConsentStatus.GIVEN && !expiredOn(day);
    }

    /** Given once, but past its review date: it counts as not given until reviewed. */
    public boolean expiredOn(LocalDate day) {
        return status == ConsentStatus.GIVEN && reviewBy != null && reviewBy.isBefore(day);
    }

    /** Whether this says the same as another record (a change that repeats the current state is not a change). */
    public boolean sameAs(ConsentRecord other) {
        return other != null && purpose == other.purpose && status == other.status && java.util.Objects.equals(reviewBy, other.reviewBy)
                && java.util.Objects.equals(notSoughtReason, other.notSoughtReason)
                && java.util.Objects.equals(bestInterestsDecidedBy, other.bestInterestsDecidedBy)
                && java.util.Objects.equals(bestInterestsDecidedOn, other.bestInterestsDecidedOn) && java.util.Objects.equals(note, other.note);
    }

    public Long id() {
        return id;
    }

    public UUID referralId() {
        return referralId;
    }

    public ConsentPurpose purpose() {
        return purpose;
    }

    public ConsentStatus status() {
        return status;
    }

    public LocalDate reviewBy() {
        return reviewBy;
    }

    public String notSoughtReason() {
        return notSoughtReason;
    }

    public String bestInterestsDecidedBy() {
        return bestInterestsDecidedBy;
    }

    public LocalDate bestInterestsDecidedOn() {
        return bestInterestsDecidedOn;
    }

    public String note() {
        return note;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
