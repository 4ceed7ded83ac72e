-- A projection of referral-events: how many referrals were received and accepted each month.
-- Counts only; rebuildable by replaying the topic. No identifier of any person or referral.
create table referral_activity (
    month       date    not null,
    received    integer not null default 0,
    accepted    integer not null default 0,
    primary key (month)
);
