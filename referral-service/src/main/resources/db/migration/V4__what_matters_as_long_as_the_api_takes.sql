-- The API takes what matters to the person up to 4,000 characters (JSON and FHIR); the column kept 2,000, so a
-- longer text failed at the database (a 500). The fuzz run found it.
alter table referral alter column what_matters type varchar(4000);
