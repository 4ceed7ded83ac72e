-- The community resource directory: organisations (VCSE groups) and the services they run.
-- Aligned with HSDS / Open Referral UK naming; the full ORUK model arrives with its issue.
create table organization (
    id           uuid         primary key,
    name         varchar(300) not null unique,
    description  varchar(2000)
);

create table service (
    id                  uuid          primary key,
    organization_id     uuid          not null references organization (id),
    name                varchar(300)  not null,
    description         varchar(4000) not null,
    category            varchar(50)   not null,
    status              varchar(20)   not null,
    venue               varchar(300),
    town                varchar(100),
    postcode            varchar(10),
    schedule            varchar(300),
    cost                varchar(200),
    capacity_maximum    integer,
    capacity_available  integer,
    published_at        timestamptz   not null,
    version             bigint        not null default 0,
    constraint capacity_within_maximum check (capacity_available is null or capacity_maximum is null
                                              or capacity_available between 0 and capacity_maximum)
);
create index service_by_category on service (category, name);
create index service_by_name on service (name, id);
