-- The personalised care and support plan: every change is a new version, none is ever overwritten.
create table care_plan_version (
    case_id           uuid          not null references care_case (id),
    version           integer       not null check (version >= 1),
    what_matters      varchar(4000) not null,
    planned_sessions  integer       not null check (planned_sessions between 1 and 24),
    goals             jsonb         not null,
    actions           jsonb         not null,
    change_summary    varchar(500),
    created_by        varchar(200)  not null,
    created_at        timestamptz   not null,
    primary key (case_id, version)
);

-- The case knows its current plan version and last contact, so that lists need no per-case look-ups.
alter table care_case
    add column plan_version      integer not null default 0,
    add column planned_sessions  integer,
    add column last_contact_at   timestamptz;
update care_case c set last_contact_at = (
    select max(s.scheduled_for) from care_session s where s.case_id = c.id and s.status = 'ATTENDED');

-- What matching needs from the directory, kept current from directory-events (service.published, .updated,
-- .capacity-changed, .withdrawn). Withdrawn services stay, marked, so that old connections keep their names.
create table directory_service (
    id               uuid          primary key,
    organisation_id  uuid,
    name             varchar(300)  not null,
    categories       varchar(60)[] not null,
    available        integer,
    maximum          integer,
    capacity_unit    varchar(50),
    withdrawn_at     timestamptz,
    withdrawn_reason varchar(200),
    updated_at       timestamptz   not null
);

-- A connection of the person to a directory service: suggested -> referred -> attending -> completed, or declined
-- / dropped-out with a coded reason.
create table connection (
    id            uuid          primary key,
    case_id       uuid          not null references care_case (id),
    service_id    uuid          not null references directory_service (id),
    service_name  varchar(300)  not null,
    category      varchar(60)   not null,
    status        varchar(20)   not null,
    reason        varchar(40),
    note          varchar(1000),
    made_by       varchar(200)  not null,
    made_at       timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0
);
create index connection_by_case on connection (case_id, made_at, id);
-- the sessions a list needs: the next booked one and booked ones past their time
create index care_session_booked on care_session (case_id, scheduled_for) where status = 'SCHEDULED';
