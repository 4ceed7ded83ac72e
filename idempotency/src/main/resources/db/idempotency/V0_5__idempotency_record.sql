-- Shared modules number their migrations in one sequence, V0_n, below every service's own: messaging 1-3, audit 4,
-- idempotency 5.
-- Idempotency-Key: the first response to a key, replayed to retries of the same request by the same caller. In a
-- schema of its own: it is the API's memory of answers, not the service's data.
create schema if not exists idempotency;

create table idempotency.record (
    caller          varchar(200) not null,
    idempotency_key varchar(200) not null,
    request_hash    char(64)     not null,
    status          integer      not null,
    location        varchar(2000),
    etag            varchar(100),
    content_type    varchar(100),
    body            text,
    created_at      timestamptz  not null,
    primary key (caller, idempotency_key)
);
create index record_by_age on idempotency.record (created_at);
