-- Validated outcome measures, as link workers record them: the case (pseudonymous id), the instrument, the timepoint,
-- each item's score by item id (never its wording) and the total. Nothing that identifies the person.
create table measurement (
    id           uuid           primary key,
    case_id      uuid           not null,
    instrument   varchar(10)    not null check (instrument in ('ONS4', 'SWEMWBS', 'UCLA3', 'WEMWBS')),
    timepoint    varchar(10)    not null check (timepoint in ('baseline', 'follow-up', 'exit')),
    score        numeric(6, 2),
    item_scores  varchar(400)   not null, -- JSON: {"swemwbs_1": 3, ...}
    recorded_by  varchar(200)   not null, -- the link worker (staff sign-in)
    recorded_at  timestamptz    not null
);
create index measurement_by_case on measurement (case_id, instrument, recorded_at);
create index measurement_by_time on measurement (recorded_at);

-- The projections of the event topics live in a schema of their own (projection_1, projection_2, ...): a rebuild
-- replays the topics into a fresh one and swaps it in here. Its tables are made from projection/tables.sql.
create table projection_generation (
    id              integer      primary key check (id = 1),
    projection      varchar(40)  not null,
    built_at        timestamptz  not null,
    events          bigint       not null
);
insert into projection_generation (id, projection, built_at, events) values (1, 'projection_1', now(), 0);

-- the first projection, of referrals only, gives way to the projections above
drop table referral_activity;
