package uk.socialprescribing.referral.domain;

/** Where a referral stands in triage. */
public enum ReferralStatus {
    RECEIVED,
    ACCEPTED
}
