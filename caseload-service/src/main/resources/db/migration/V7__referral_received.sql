-- When the case's referral was received (referral.accepted's receivedAt): no session can be dated before it.
-- Cases opened from an acceptance that did not say are bounded by their opening instead.
alter table care_case add column referral_received_at timestamptz;
