-- Shipped by the messaging module; every producing or consuming service runs it with its own migrations
-- (quarkus.flyway.locations=db/migration,db/messaging). Versions below 1 so they run first.

-- Transactional outbox: written in the business transaction, published by the relay in seq order.
create table outbox_event (
    seq           bigint generated always as identity primary key,
    event_id      uuid         not null unique,
    topic         varchar(100) not null,
    aggregate_id  varchar(100) not null,
    event_type    varchar(100) not null,
    data_schema   varchar(200) not null,
    data          jsonb        not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    varchar(1000)
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Idempotent consumers: one row per event handled, inserted in the transaction of the effect.
create table inbox_event (
    handler       varchar(100) not null,
    event_source  varchar(200) not null,
    event_id      varchar(200) not null,
    event_type    varchar(100) not null,
    handled_at    timestamptz  not null,
    primary key (handler, event_source, event_id)
);
