-- One generation of the projections of referral-events and caseload-events, in schema {schema}. Facts keyed by their
-- own ids, so that applying an event twice, or an older one after a newer, changes nothing. No person's identity: ids
-- are the platform's own, codes are codes.
create schema if not exists {schema};

create table if not exists {schema}.referral (
    referral_id      uuid         primary key,
    received_at      timestamptz,
    referrer_type    varchar(40),
    practice         varchar(10),
    pcn              varchar(10),
    reasons          varchar(400), -- coded reasons, comma separated
    triage_outcome   varchar(12),  -- accepted, declined, redirected
    triage_reason    varchar(60),  -- a decline's or redirect's code
    triaged_at       timestamptz,
    withdrawn_at     timestamptz,
    closed_at        timestamptz
);
create index if not exists referral_by_received on {schema}.referral (received_at);

create table if not exists {schema}.case_fact (
    case_id          uuid         primary key,
    referral_id      uuid,
    practice         varchar(10),
    pcn              varchar(10),
    opened_at        timestamptz,
    waitlisted_at    timestamptz,
    assigned_at      timestamptz,  -- the first assignment
    link_worker      varchar(200), -- the latest assignment's worker (staff sign-in)
    last_assigned_at timestamptz,
    closed_at        timestamptz,
    close_reason     varchar(60),
    sessions_completed integer
);
create index if not exists case_by_referral on {schema}.case_fact (referral_id);
create index if not exists case_by_closed on {schema}.case_fact (closed_at);

create table if not exists {schema}.session_fact (
    session_id   uuid         primary key,
    case_id      uuid         not null,
    attended     boolean      not null,
    at           timestamptz  not null
);
create index if not exists session_by_case on {schema}.session_fact (case_id, at);

create table if not exists {schema}.connection_fact (
    connection_id  uuid         primary key,
    case_id        uuid         not null,
    service_id     uuid         not null,
    pcn            varchar(10),
    category       varchar(60),
    status         varchar(20)  not null,
    reason         varchar(40),
    made_at        timestamptz  not null,
    updated_at     timestamptz  not null
);
create index if not exists connection_by_made on {schema}.connection_fact (made_at);
