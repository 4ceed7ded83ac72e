-- The closed loop back to the referrer: messages, what caseload and outcomes told us, and webhook deliveries.

create table referrer_message (
    id            uuid         primary key,
    referral_id   uuid         not null references referral (id),
    organisation  varchar(64),
    kind          varchar(20)  not null,
    body          jsonb        not null,
    created_at    timestamptz  not null
);
create index referrer_message_by_referral on referrer_message (referral_id, created_at);

-- Outcome measures recorded for a case (outcome.recorded, pseudonymous): their change goes back to the referrer
-- at closure when the person agreed to share it.
create table case_outcome (
    measurement_id  uuid          primary key,
    case_id         uuid          not null,
    instrument      varchar(20)   not null,
    timepoint       varchar(20)   not null,
    score           numeric(8, 2) not null,
    recorded_at     timestamptz   not null
);
create index case_outcome_by_case on case_outcome (case_id, instrument, recorded_at);

create table webhook_subscription (
    id            uuid          primary key,
    organisation  varchar(64)   not null,
    url           varchar(2000) not null,
    secret        varchar(100)  not null,
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null,
    removed_at    timestamptz
);
create index webhook_subscription_active on webhook_subscription (organisation) where removed_at is null;

create table webhook_delivery (
    id               uuid         primary key,
    message_id       uuid         not null references referrer_message (id),
    subscription_id  uuid         not null references webhook_subscription (id),
    status           varchar(10)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz  not null
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, created_at desc);

-- Every attempt, as the referrer's delivery log shows it.
create table webhook_attempt (
    id            bigint       generated always as identity primary key,
    delivery_id   uuid         not null references webhook_delivery (id),
    attempt       integer      not null,
    attempted_at  timestamptz  not null,
    status_code   integer,
    error         varchar(500),
    duration_ms   integer      not null
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempt);
