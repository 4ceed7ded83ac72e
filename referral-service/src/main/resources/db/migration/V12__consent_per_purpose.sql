-- Consent per purpose, with history: one row per change, only ever added; the newest for a purpose is where it stands.
create table referral_consent (
    id                        bigint generated always as identity primary key,
    referral_id               uuid          not null references referral (id),
    purpose                   varchar(60)   not null,
    status                    varchar(20)   not null,
    review_by                 date,
    not_sought_reason         varchar(500),
    best_interests_decided_by varchar(200),
    best_interests_decided_on date,
    note                      varchar(1000),
    recorded_by               varchar(200)  not null,
    recorded_at               timestamptz   not null
);
create index referral_consent_by_referral on referral_consent (referral_id, purpose, id desc);

-- What each referral said at intake: agreement to the referral (required then), and to share the outcome when given
insert into referral_consent (referral_id, purpose, status, recorded_by, recorded_at)
select id, 'referral', 'given', coalesce(referrer_organisation, referrer_kind), received_at from referral order by received_at, id;
insert into referral_consent (referral_id, purpose, status, recorded_by, recorded_at)
select id, 'share-outcome-with-referrer', 'given', coalesce(referrer_organisation, referrer_kind), received_at from referral
where consent_to_share_outcome order by received_at, id;
