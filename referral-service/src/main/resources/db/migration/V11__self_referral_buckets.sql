-- The self-referral rate limit's token buckets (Bucket4j's PostgreSQL backend), so that the limit holds across
-- replicas: one row per bucket, keyed by kind and the SHA-256 of the client's address, with Bucket4j's serialised state
-- and the time (epoch milliseconds) after which the bucket is full again and its row may go.
create table self_referral_bucket (
    id         varchar(80) primary key,
    state      bytea,
    expires_at bigint
);
create index self_referral_bucket_expiry on self_referral_bucket (expires_at);
