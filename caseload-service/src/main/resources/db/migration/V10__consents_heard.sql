-- The person's consents as referral-service last said (consent.changed): codes and dates only, one row per purpose.
create table referral_consent (
    referral_id uuid        not null,
    purpose     varchar(60) not null,
    status      varchar(20) not null,
    review_by   date,
    changed_at  timestamptz not null,
    primary key (referral_id, purpose)
);

-- Whether the provider was given the person's contact details when the connection was made or moved to referred
-- (only while the person's consent to that holds)
alter table connection add column contact_shared boolean not null default false;
