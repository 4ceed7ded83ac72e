-- Search: PostgreSQL full text with ranking (name first, then the activity, then the description) and typo tolerance
-- by trigrams (pg_trgm, a trusted extension: a database owner may create it).
create extension if not exists pg_trgm;

-- What a partner says of access, languages and whom to contact, as they wrote it (like schedule and cost): codes
-- separated by commas. The ORUK feed's languages, contacts and each location's accessibility are read from them.
alter table service
    add column languages      varchar(200),
    add column accessibility  varchar(300),
    add column contact_name   varchar(200),
    add column contact_email  varchar(254),
    add column contact_phone  varchar(30),
    add column search_vector  tsvector generated always as (
        setweight(to_tsvector('english', name), 'A')
        || setweight(to_tsvector('english', replace(category, '-', ' ')), 'B')
        || setweight(to_tsvector('english', description), 'C')) stored,
    add column search_text    text generated always as (lower(name || ' ' || replace(category, '-', ' ') || ' ' || description)) stored;
create index service_search on service using gin (search_vector);
create index service_search_trigrams on service using gin (search_text gin_trgm_ops);
create index service_languages on service using gin (string_to_array(languages, ','));
create index service_accessibility on service using gin (string_to_array(accessibility, ','));

-- distance: venues' points, from the postcode reference data the service ships
create index location_by_point on location (latitude, longitude) where latitude is not null;

-- Uptake: where each connection a link worker made to a service stands, from caseload's connection events. No case
-- or person: the connection's own id, the service, its status and coded reason.
create table connection_uptake (
    connection_id  uuid         primary key,
    service_id     uuid         not null,
    status         varchar(20)  not null,
    reason         varchar(40),
    referred       boolean      not null,
    made_at        timestamptz  not null,
    updated_at     timestamptz  not null
);
create index connection_uptake_by_service on connection_uptake (service_id, status);
