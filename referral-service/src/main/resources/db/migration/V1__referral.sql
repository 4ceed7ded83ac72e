-- Referrals hold personal data: the person's NHS number, name, date of birth and contact details
-- live here and nowhere else on the platform; events carry the referral id only.
create table referral (
    id                  uuid         primary key,
    status              varchar(20)  not null,
    referrer_type       varchar(20)  not null,
    referrer_ods_code   varchar(10),
    practice_ods_code   varchar(10),
    nhs_number          char(10)     not null,
    given_name          varchar(100) not null,
    family_name         varchar(100) not null,
    date_of_birth       date         not null,
    contact_phone       varchar(30),
    reason              varchar(2000) not null,
    received_at         timestamptz  not null,
    triaged_by          varchar(100),
    triaged_at          timestamptz,
    version             bigint       not null default 0
);
create index referral_by_referrer on referral (referrer_ods_code, received_at);

-- Every read of a person's referral, by whom and when.
create table personal_data_read (
    id            bigint generated always as identity primary key,
    subject_id    uuid         not null,
    read_by       varchar(200) not null,
    purpose       varchar(100) not null,
    read_at       timestamptz  not null
);
create index personal_data_read_by_subject on personal_data_read (subject_id, read_at);
