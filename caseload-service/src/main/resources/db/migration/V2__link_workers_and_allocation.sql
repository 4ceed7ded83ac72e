-- Link workers and their caps; each case's allocation: assigned to a link worker, or waiting for capacity.
create table link_worker (
    id                uuid          primary key,
    username          varchar(200)  not null unique,
    display_name      varchar(200)  not null,
    pcn_code          varchar(10)   not null,
    practices         varchar(10)[] not null,
    languages         varchar(35)[] not null,
    working_days      varchar(3)[]  not null,
    active_case_cap   integer       not null check (active_case_cap >= 0),
    yearly_cap        integer       not null check (yearly_cap >= 0),
    lead              boolean       not null default false,
    active            boolean       not null default true,
    created_at        timestamptz   not null,
    version           bigint        not null default 0
);
create index link_worker_by_pcn on link_worker (pcn_code) where active;

alter table care_case
    add column pcn_code         varchar(10),
    add column urgency          varchar(10) not null default 'routine',
    add column language         varchar(35),
    add column allocation       varchar(10) not null default 'WAITING',
    add column link_worker_id   uuid references link_worker (id),
    add column assigned_at      timestamptz,
    add column waitlisted_at    timestamptz;

create index care_case_by_worker on care_case (link_worker_id, status, assigned_at);
create index care_case_waiting on care_case (pcn_code, urgency, waitlisted_at, id) where allocation = 'WAITING' and status = 'OPEN';
