package uk.socialprescribing.caseload.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A link worker's support of one person, opened from one accepted referral. */
@Entity
@Table(name = "care_case")
public class Case {

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false, unique = true)
    private UUID referralId;

    @Column(name = "practice_ods_code")
    private String practiceOdsCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Version
    private long version;

    protected Case() {
    }

    public static Case openFor(UUID referralId, String practiceOdsCode, Instant at) {
        Case opened = new Case();
        opened.id = UUID.randomUUID();
        opened.referralId = referralId;
        opened.practiceOdsCode = practiceOdsCode;
        opened.status = CaseStatus.OPEN;
        opened.openedAt = at;
        return opened;
    }

    public UUID id() {
        return id;
    }

    public UUID referralId() {
        return referralId;
    }

    public String practiceOdsCode() {
        return practiceOdsCode;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }
}
