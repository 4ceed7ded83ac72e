-- Partners' new listings wait for admin approval before they are public; approved listings change at once and every
-- change is logged; a withdrawn listing leaves the feed and matching but stays for the record.
alter table service
    add column moderation       varchar(10)  not null default 'approved' check (moderation in ('pending', 'approved', 'rejected')),
    add column moderation_note  varchar(500),
    add column withdrawn_at     timestamptz,
    add column withdrawn_reason varchar(200);
create index service_pending on service (published_at, id) where moderation = 'pending';

create table listing_change (
    id          bigint       generated always as identity primary key,
    service_id  uuid         not null references service (id),
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null,
    action      varchar(20)  not null,
    changes     text         not null -- JSON: {field: {before, after}}
);
create index listing_change_by_service on listing_change (service_id, changed_at desc, id desc);
