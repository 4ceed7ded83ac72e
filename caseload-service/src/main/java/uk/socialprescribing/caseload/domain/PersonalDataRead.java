package uk.socialprescribing.caseload.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One read of what a person told their link worker: whose case, by whom, what, when. Never changed. */
@Entity
@Table(name = "personal_data_read")
public class PersonalDataRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "read_by", nullable = false)
    private String readBy;

    @Column(nullable = false)
    private String purpose;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected PersonalDataRead() {
    }

    public PersonalDataRead(UUID caseId, String readBy, String purpose, Instant readAt) {
        this.caseId = caseId;
        this.readBy = readBy;
        this.purpose = purpose;
        this.readAt = readAt;
    }

    public UUID caseId() {
        return caseId;
    }

    public String readBy() {
        return readBy;
    }

    public String purpose() {
        return purpose;
    }

    public Instant readAt() {
        return readAt;
    }
}
