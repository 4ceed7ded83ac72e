-- The search benchmark's directory: the demo's approved listings copied until there are :total, each copy with words
-- of its own in its name and description, at a venue of its own up to 2.5 degrees of latitude and 3 of longitude from
-- the original's (about Great Britain's spread: the density of a national directory), with the original's schedule, costs, ages, languages and access. Run on a copy of the demo directory:
--   psql -v total=100000 -d directory_bench -f bench/generate-directory.sql
\set ON_ERROR_STOP on
begin;
create temp table word (i int primary key, w text);
insert into word
select row_number() over () - 1, w from unnest(string_to_array(
  'friendly weekly morning evening community village town riverside park library church hall centre garden allotment '
  'choir band pottery painting drawing knitting sewing quilting woodwork carpentry repair cafe lunch breakfast supper '
  'tea coffee chat conversation reading writing poetry history heritage museum nature wildlife birdwatching photography '
  'cycling swimming yoga pilates tai chi dance ballroom folk football cricket bowls golf tennis badminton table '
  'chess bridge quiz games cards bingo cinema film theatre drama comedy music guitar piano ukulele drumming '
  'volunteers mentors buddies peers carers parents grandparents veterans farmers students newcomers neighbours '
  'gentle beginners mixed ability accessible outdoor indoor seasonal monthly fortnightly drop-in online telephone', ' ')) w;
create temp table clone as
with originals as (
    select s.id, row_number() over (order by s.id) - 1 as k, count(*) over () as n
    from service s where s.moderation = 'approved' and s.withdrawn_at is null),
wanted as (select greatest(:total - (select count(*) from service), 0) as m)
select o.id as source_id, gen_random_uuid() as id, gen_random_uuid() as location_id, c.copy,
       (random() - 0.5) * 5.0 as dlat, (random() - 0.5) * 6.0 as dlon,
       (random() * 119)::int as w1, (random() * 119)::int as w2, (random() * 119)::int as w3
from originals o
cross join generate_series(1, ((select m from wanted) / greatest((select count(*) from originals), 1)) + 1) as c(copy)
where (c.copy - 1) * (select count(*) from originals) + o.k < (select m from wanted);

insert into service (id, organization_id, name, description, category, status, venue, town, postcode, schedule, cost,
                     capacity_maximum, capacity_available, published_at, version, assured_date, last_modified, minimum_age,
                     maximum_age, moderation, languages, accessibility, contact_name, contact_email, contact_phone)
select c.id, s.organization_id, left(s.name || ' ' || coalesce(a.w, '') || ' ' || c.copy, 300),
       left(s.description || ' A ' || coalesce(b.w, '') || ' ' || coalesce(d.w, '') || ' group.', 4000), s.category, s.status,
       s.venue || ' ' || c.copy, s.town, s.postcode, s.schedule, s.cost, s.capacity_maximum, s.capacity_available, s.published_at, 0,
       s.assured_date, s.last_modified, s.minimum_age, s.maximum_age, 'approved', s.languages, s.accessibility, s.contact_name,
       s.contact_email, s.contact_phone
from clone c join service s on s.id = c.source_id
left join word a on a.i = c.w1 % (select count(*) from word)
left join word b on b.i = c.w2 % (select count(*) from word)
left join word d on d.i = c.w3 % (select count(*) from word);

insert into location (id, location_type, name, address_1, city, postal_code, country, latitude, longitude)
select c.location_id, l.location_type, left(l.name || ' ' || c.copy || '-' || left(c.id::text, 8), 300), l.address_1, l.city,
       l.postal_code, l.country, l.latitude + c.dlat, l.longitude + c.dlon
from clone c
join lateral (select sal.location_id from service_at_location sal where sal.service_id = c.source_id limit 1) first on true
join location l on l.id = first.location_id;
insert into service_at_location (id, service_id, location_id)
select gen_random_uuid(), c.id, c.location_id from clone c where exists (select 1 from location l where l.id = c.location_id);
insert into schedule (id, service_id, freq, byday, opens_at, closes_at, description)
select gen_random_uuid(), c.id, x.freq, x.byday, x.opens_at, x.closes_at, x.description from clone c join schedule x on x.service_id = c.source_id;
insert into cost_option (id, service_id, option, amount, currency, amount_description)
select gen_random_uuid(), c.id, x.option, x.amount, x.currency, x.amount_description from clone c join cost_option x on x.service_id = c.source_id;
commit;
vacuum analyze;
select count(*) as services from service;
