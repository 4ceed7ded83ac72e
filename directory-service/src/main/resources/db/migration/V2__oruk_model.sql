-- The directory as Open Referral UK 3.0 / HSDS 3.0 models it: taxonomies and their terms, locations, services at
-- locations, schedules and cost options beside the services; each service's activity category is a term of the
-- social-prescribing activity taxonomy. Ids of the taxonomy and its terms are fixed (name-based) so that partners
-- and filters can rely on them.
create table taxonomy (
    id           uuid          primary key,
    name         varchar(200)  not null,
    description  varchar(1000) not null,
    uri          varchar(500),
    version      varchar(20)
);

create table taxonomy_term (
    id           uuid          primary key,
    code         varchar(60)   not null unique,
    name         varchar(200)  not null,
    description  varchar(1000) not null,
    parent_id    uuid          references taxonomy_term (id),
    taxonomy_id  uuid          not null references taxonomy (id)
);

insert into taxonomy (id, name, description, version) values
    ('fb18f223-bab8-338f-be44-d1fbbb152dcd', 'Social prescribing activities',
     'The kinds of community activity and support that link workers connect people to', '1.0');
insert into taxonomy_term (id, code, name, description, parent_id, taxonomy_id) values
    ('904f5a04-2e96-38b3-985a-6463711f407b', 'arts-and-crafts', 'Arts and crafts', 'Painting, drawing, making and other creative activity', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('3dfe9316-acf2-3b2a-a209-66abe7206977', 'singing-and-music', 'Singing and music', 'Choirs, singing groups and making music together', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('9bd94e54-5bd6-36c3-8e6b-aeda527e477f', 'gardening', 'Gardening and nature', 'Growing, conservation and time outdoors', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('9c6400fc-336d-3d05-ae54-cb66d9b469d4', 'walking', 'Walking', 'Led walks and walking groups', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('1526270c-7d50-38ab-a1cf-757d834812f4', 'physical-activity', 'Sport and exercise', 'Exercise classes, sport and movement at any level', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('697fe28c-0126-3c12-97d3-4411b7976fed', 'faith-and-spirituality', 'Faith', 'Faith groups and spiritual support', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('c7836078-6634-3f29-9b2c-b7e8f9298254', 'befriending', 'Befriending', 'Regular company from a volunteer, at home, by phone or out', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('a611c3e0-f11a-3b21-8e59-0688ab779d5c', 'peer-support', 'Peer support', 'Groups of people who share an experience and support each other', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('7bb83eeb-45bf-35b4-8455-e9d00cdd6c3f', 'men-sheds', 'Men''s sheds', 'Making, mending and company in a shared workshop', 'a611c3e0-f11a-3b21-8e59-0688ab779d5c', 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('6c69a01f-2560-364c-9740-b4619c84e7bc', 'volunteering', 'Volunteering', 'Giving time to a cause or group', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('3df376d5-e8b0-3076-b8d3-40f74db36750', 'learning', 'Learning', 'Courses and learning for adults', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('bc885e73-7bd2-3401-b648-93ddf1c638a7', 'digital-skills', 'Digital skills', 'Help to get online and use phones, tablets and computers', '3df376d5-e8b0-3076-b8d3-40f74db36750', 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('f55da146-75f7-30ff-801a-f68e522ab80d', 'cooking-and-food', 'Cookery and healthy eating', 'Cooking, eating well and community meals', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('a82f200c-51a5-36b7-9143-ac7b74088ae9', 'debt-and-money-advice', 'Debt and money advice', 'Advice on debt, benefits and budgeting', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('87b7759f-7491-380c-a9a1-da6f90d6aad7', 'housing-advice', 'Housing advice', 'Advice on housing, tenancy and homelessness', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('93064acf-b8cf-3312-9050-28dbe4b3e693', 'employment-support', 'Employment', 'Support into work, training and job search', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('899760a8-48c2-3fa9-82da-8d52a4ff7189', 'carers-support', 'Carers'' support', 'Support for unpaid carers', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('5c777297-2be7-3425-99f1-e9daab1d6ae0', 'bereavement-support', 'Bereavement', 'Support after the death of someone close', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd'),
    ('fe16c81b-6043-3915-b1b5-0d7bf96fcc30', 'mental-wellbeing', 'Mental wellbeing', 'Groups and support for emotional and mental wellbeing', null, 'fb18f223-bab8-338f-be44-d1fbbb152dcd');

-- every service is classified by a term of the taxonomy
alter table service add constraint service_category_is_a_term foreign key (category) references taxonomy_term (code);

-- assured: when a person last confirmed the listing is right; last_modified: the last change of any kind
alter table service
    add column assured_date   date,
    add column last_modified  timestamptz,
    add column minimum_age    integer check (minimum_age between 0 and 130),
    add column maximum_age    integer check (maximum_age between 0 and 130);
update service set assured_date = published_at::date, last_modified = published_at;
alter table service alter column assured_date set not null, alter column last_modified set not null;
create index service_by_last_modified on service (last_modified, id);

create table location (
    id             uuid          primary key,
    location_type  varchar(20)   not null default 'physical',
    name           varchar(300)  not null,
    address_1      varchar(300)  not null,
    city           varchar(100)  not null,
    postal_code    varchar(10)   not null,
    country        char(2)       not null default 'GB',
    latitude       numeric(9, 6),
    longitude      numeric(9, 6),
    unique (name, postal_code)
);

create table service_at_location (
    id           uuid  primary key,
    service_id   uuid  not null references service (id),
    location_id  uuid  not null references location (id),
    unique (service_id, location_id)
);
create index service_at_location_by_location on service_at_location (location_id);

-- a weekly session, as iCal's RRULE parts (freq, byday) with its opening and closing times
create table schedule (
    id           uuid          primary key,
    service_id   uuid          not null references service (id),
    freq         varchar(10)   not null check (freq in ('WEEKLY', 'MONTHLY')),
    byday        varchar(20)   not null,
    opens_at     time          not null,
    closes_at    time          not null,
    description  varchar(300)  not null
);
create index schedule_by_service on schedule (service_id);
create index schedule_by_day on schedule (byday, opens_at);

create table cost_option (
    id                  uuid           primary key,
    service_id          uuid           not null references service (id),
    option              varchar(200)   not null,
    amount              numeric(8, 2)  not null check (amount >= 0),
    currency            char(3)        not null default 'GBP',
    amount_description  varchar(200)
);
create index cost_option_by_service on cost_option (service_id);

-- listings made before this model: their venue, weekly session and cost, as the same rules read them at publication
-- ("Tuesdays 10:30-12:00"; "Free", "£2 a session")
insert into location (id, name, address_1, city, postal_code)
select gen_random_uuid(), venue, venue, town, postcode
from (select distinct venue, town, postcode from service where venue is not null and postcode is not null) v
on conflict (name, postal_code) do nothing;
insert into service_at_location (id, service_id, location_id)
select gen_random_uuid(), s.id, l.id from service s join location l on l.name = s.venue and l.postal_code = s.postcode;
insert into schedule (id, service_id, freq, byday, opens_at, closes_at, description)
select gen_random_uuid(), s.id, 'WEEKLY',
       case m[1] when 'Mondays' then 'MO' when 'Tuesdays' then 'TU' when 'Wednesdays' then 'WE' when 'Thursdays' then 'TH'
                 when 'Fridays' then 'FR' when 'Saturdays' then 'SA' else 'SU' end,
       m[2]::time, m[3]::time, s.schedule
from service s, regexp_match(s.schedule, '^(Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays) (\d\d:\d\d)-(\d\d:\d\d)$') m
where m is not null;
insert into cost_option (id, service_id, option, amount, amount_description)
select gen_random_uuid(), s.id, s.cost,
       coalesce((regexp_match(s.cost, '£(\d+(?:\.\d\d)?)'))[1]::numeric, 0), s.cost
from service s where s.cost is not null and (s.cost ilike 'free%' or s.cost ~ '£\d');
