-- A case: the link worker's support of one person, opened from one accepted referral.
-- The person's identity stays in referral-service; a case knows the referral id.
create table care_case (
    id                  uuid        primary key,
    referral_id         uuid        not null unique,
    practice_ods_code   varchar(10),
    status              varchar(20) not null,
    opened_at           timestamptz not null,
    version             bigint      not null default 0
);
create index care_case_by_opened on care_case (opened_at, id);
