package uk.socialprescribing.referral.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The referral's case ended, and with it the journey: when, and caseload-service's closure reason code. */
@Embeddable
public record Closure(@Column(name = "closed_at") Instant at, @Column(name = "closure_reason") String reason) {
}
