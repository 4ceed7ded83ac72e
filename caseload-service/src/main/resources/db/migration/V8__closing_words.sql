-- What the link worker wrote for the referrer when the case closed: how the support went, and what happens next.
alter table care_case
    add column closing_summary varchar(1000),
    add column next_steps      varchar(1000);
