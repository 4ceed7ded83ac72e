-- pgbench: the database's own ceiling for referral intake's transaction, as referral-service runs it (ReferralIntake):
-- the NHS number's advisory lock, the look for open referrals of the same person, the referral row, the outbox row.
-- Each run is a different person (an NHS-number-shaped value of its own), as in the HTTP runs.
\set n random(1, 999999999)
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('9' || lpad(:n::text, 9, '0'), 7));
INSERT INTO referral (id, status, referrer_kind, referrer_ods_code, practice_ods_code, nhs_number, given_name, family_name,
    date_of_birth, what_matters, received_at, version, referrer_organisation, referrer_name, referrer_role, pcn_code,
    interpreter_needed, reason_codes, risk_flags, consent_to_share_outcome, urgency, triage_due_by)
VALUES (gen_random_uuid(), 'RECEIVED', 'gp-practice', 'B82005', 'B82005', '9' || lpad(:n::text, 9, '0'), 'Richard', 'Smith',
    '1948-03-12', 'Widowed last year, rarely goes out; would like to join a walking group', now(), 0, 'B82005', 'Dr Asha Patel',
    'GP', 'U84002', false, '{loneliness-or-isolation}', '{}', true, 'routine', current_date + 7);
SELECT id FROM referral WHERE nhs_number = '9' || lpad(:n::text, 9, '0') AND status IN ('RECEIVED', 'ACCEPTED') AND received_at < now() - interval '1 day';
INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, data_schema, data, occurred_at, request_id)
VALUES (gen_random_uuid(), 'referral-events', :n::text, 'referral.received.v1', 'urn:social-prescribing:events:referral.received.v1',
    '{"pcnCode": "U84002", "urgency": "routine", "receivedAt": "2026-11-25T22:00:25.252698Z", "referralId": "ec4aa259-ad0e-4ccd-aa85-113471107a8c", "reasonCodes": ["loneliness-or-isolation"], "referrerType": "gp-practice", "referrerOdsCode": "B82005", "practiceOdsCode": "B82005"}',
    now(), gen_random_uuid()::text);
COMMIT;
