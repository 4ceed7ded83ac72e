package uk.socialprescribing.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral of a person to social prescribing, from its receipt through triage. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status;

    @Column(name = "referrer_type", nullable = false)
    private String referrerType;

    @Column(name = "referrer_ods_code")
    private String referrerOdsCode;

    @Column(name = "practice_ods_code")
    private String practiceOdsCode;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "nhs_number", nullable = false, length = 10)
    private String nhsNumber;

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(nullable = false)
    private String reason;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "triaged_by")
    private String triagedBy;

    @Column(name = "triaged_at")
    private Instant triagedAt;

    @Version
    private long version;

    protected Referral() {
    }

    /** A referral from a GP practice system, about one of the practice's patients. */
    public static Referral fromGpPractice(String practiceOdsCode, Person person, String reason, Instant receivedAt) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.status = ReferralStatus.RECEIVED;
        referral.referrerType = ReferrerType.GP_PRACTICE.code();
        referral.referrerOdsCode = practiceOdsCode;
        referral.practiceOdsCode = practiceOdsCode;
        referral.nhsNumber = person.nhsNumber();
        referral.givenName = person.givenName();
        referral.familyName = person.familyName();
        referral.dateOfBirth = person.dateOfBirth();
        referral.contactPhone = person.contactPhone();
        referral.reason = reason;
        referral.receivedAt = receivedAt;
        return referral;
    }

    /** A link worker takes the referral on after triage. */
    public void accept(String triagedBy, Instant at) {
        if (status != ReferralStatus.RECEIVED) {
            throw new IllegalTransitionException(id, status, "accepted");
        }
        this.status = ReferralStatus.ACCEPTED;
        this.triagedBy = triagedBy;
        this.triagedAt = at;
    }

    /** Whether the organisation with this ODS code made the referral. */
    public boolean wasReferredBy(String odsCode) {
        return odsCode != null && odsCode.equals(referrerOdsCode);
    }

    public UUID id() {
        return id;
    }

    public ReferralStatus status() {
        return status;
    }

    public String referrerType() {
        return referrerType;
    }

    public String referrerOdsCode() {
        return referrerOdsCode;
    }

    public String practiceOdsCode() {
        return practiceOdsCode;
    }

    public Person person() {
        return new Person(nhsNumber, givenName, familyName, dateOfBirth, contactPhone);
    }

    public String reason() {
        return reason;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant triagedAt() {
        return triagedAt;
    }
}
