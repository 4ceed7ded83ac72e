-- The full referral (PRSB Social Prescribing Information Standard): the person's contact and communication needs,
-- the referrer, coded reasons, risks, consent and urgency; the triage state machine and its deadline.
alter table referral rename column referrer_type to referrer_kind;
alter table referral rename column contact_phone to phone;
alter table referral rename column reason to what_matters;
alter table referral alter column what_matters drop not null;
alter table referral alter column nhs_number drop not null;
alter table referral alter column status type varchar(20);

alter table referral
    add column referrer_organisation     varchar(64),
    add column referrer_name             varchar(200),
    add column referrer_role             varchar(100),
    add column referrer_phone            varchar(30),
    add column referrer_email            varchar(254),
    add column pcn_code                  varchar(10),
    add column address_line1             varchar(200),
    add column address_line2             varchar(200),
    add column town                      varchar(100),
    add column postcode                  varchar(8),
    add column email                     varchar(254),
    add column preferred_contact         varchar(20),
    add column language                  varchar(35),
    add column interpreter_needed        boolean      not null default false,
    add column accessibility_needs       varchar(1000),
    add column reason_codes              varchar(40)[] not null default '{other}',
    add column reason_other              varchar(500),
    add column risk_flags                varchar(40)[] not null default '{}',
    add column risk_notes                varchar(2000),
    add column consent_to_share_outcome  boolean      not null default false,
    add column urgency                   varchar(10)  not null default 'routine',
    add column triage_due_by             date,
    add column decision_reason           varchar(100),
    add column decision_note             varchar(2000),
    add column redirected_to             varchar(200),
    add column withdrawn_by              varchar(200),
    add column withdrawn_at              timestamptz,
    add column case_id                   uuid,
    add column closed_at                 timestamptz,
    add column closure_reason            varchar(100);

-- rows of the thin slice: GP referrals of the Harrogate Central PCN's practices
update referral set referrer_organisation = referrer_ods_code,
                    pcn_code = case when practice_ods_code in ('B82005', 'B82018', 'B82026') then 'U84002' else 'UNKNOWN' end,
                    triage_due_by = (received_at at time zone 'Europe/London')::date + 7;
alter table referral alter column pcn_code set not null;
alter table referral alter column triage_due_by set not null;
alter table referral alter column reason_codes drop default;

drop index if exists referral_by_referrer;
create index referral_by_referrer on referral (referrer_organisation, received_at desc, id);
create index referral_by_pcn on referral (pcn_code, received_at desc, id);
create index referral_by_received on referral (received_at desc, id);
create index referral_awaiting_triage on referral (triage_due_by) where status = 'RECEIVED';
create index referral_open_by_nhs_number on referral (nhs_number) where status in ('RECEIVED', 'ACCEPTED') and nhs_number is not null;
create index referral_by_reason on referral using gin (reason_codes);
create index referral_by_case on referral (case_id) where case_id is not null;

-- Open referrals for the same person, linked and flagged on both sides, never merged.
create table referral_possible_duplicate (
    referral_id        uuid not null references referral (id),
    other_referral_id  uuid not null references referral (id),
    primary key (referral_id, other_referral_id)
);

create index personal_data_read_by_time on personal_data_read (read_at desc, id);
create index personal_data_read_by_reader on personal_data_read (read_by, read_at desc);

-- Idempotency-Key: the first response to a key, replayed to retries of the same request by the same caller.
create table idempotency_record (
    caller         varchar(200) not null,
    idempotency_key varchar(200) not null,
    request_hash   char(64)     not null,
    status         integer      not null,
    location       varchar(2000),
    etag           varchar(100),
    content_type   varchar(100),
    body           text,
    created_at     timestamptz  not null,
    primary key (caller, idempotency_key)
);
create index idempotency_record_by_age on idempotency_record (created_at);
