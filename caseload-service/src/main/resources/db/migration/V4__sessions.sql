-- Sessions with the person: scheduled, then recorded as attended, did not attend, or cancelled. Notes are for the
-- case's link worker and their lead only.
create table care_session (
    id                uuid         primary key,
    case_id           uuid         not null references care_case (id),
    kind              varchar(30)  not null,
    mode              varchar(20)  not null,
    scheduled_for     timestamptz  not null,
    duration_minutes  integer      not null check (duration_minutes between 5 and 480),
    status            varchar(20)  not null,
    notes             varchar(4000),
    recorded_by       varchar(200),
    recorded_at       timestamptz,
    version           bigint       not null default 0
);
create index care_session_by_case on care_session (case_id, scheduled_for, id);

-- First contact (the first attended session) against its target, and the two-missed-in-a-row flag.
alter table care_case
    add column first_contact_at      timestamptz,
    add column first_contact_due_by  timestamptz,
    add column missed_in_a_row       integer not null default 0,
    add column sessions_attended     integer not null default 0;
update care_case set first_contact_due_by = opened_at + interval '14 days';
alter table care_case alter column first_contact_due_by set not null;
