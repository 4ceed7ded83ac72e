package uk.socialprescribing.referral.service;

import java.time.LocalDate;

import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.ReferralStatus;

/** What a list of referrals is narrowed to; every field is optional. */
public record ReferralFilter(ReferralStatus status, LocalDate receivedFrom, LocalDate receivedTo, ReasonCode reason,
        String referrerOrganisation, Boolean overdue) {
}
