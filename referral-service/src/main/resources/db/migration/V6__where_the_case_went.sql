-- Where the referral's case went, as caseload-service announces it (case.opened, case.assigned, case.waitlisted):
-- told to the link worker on the referral and to the referrer in the acceptance message.
alter table referral
    add column case_allocation     varchar(10),
    add column link_worker_name    varchar(200),
    add column allocated_at        timestamptz,
    add column forecast_wait_days  integer,
    add column triaged_by_name     varchar(200);

-- Outcome measures kept for the referrer: ONS4's four items each as a scale of their own (ONS4.anxiety, ...), so a
-- measurement may give several rows; and the day each was completed.
alter table case_outcome drop constraint case_outcome_pkey;
alter table case_outcome alter column instrument type varchar(40);
alter table case_outcome add primary key (measurement_id, instrument);
alter table case_outcome add column completed_on date;
update case_outcome set completed_on = cast(recorded_at at time zone 'Europe/London' as date);

-- A test message (POST /api/referrals/webhooks/{id}/test) is about no referral.
alter table referrer_message alter column referral_id drop not null;
