-- When each referral last changed (any change of its own: received, triaged, withdrawn, its case opened or closed),
-- for referrers polling with changedSince and FHIR _lastUpdated. Those made before are dated by their last event.
alter table referral add column last_changed_at timestamptz;
update referral set last_changed_at = greatest(received_at, coalesce(triaged_at, received_at), coalesce(withdrawn_at, received_at),
    coalesce(closed_at, received_at));
alter table referral alter column last_changed_at set not null;
create index referral_by_organisation_and_change on referral (referrer_organisation, last_changed_at);
create index referral_by_pcn_and_change on referral (pcn_code, last_changed_at);

-- Triage finds a person by name (lower case, as typed) and flags possible duplicates without an NHS number by name,
-- date of birth and postcode.
create index referral_by_family_name on referral (lower(family_name), lower(given_name));
