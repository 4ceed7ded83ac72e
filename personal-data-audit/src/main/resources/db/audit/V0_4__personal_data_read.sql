-- Shared modules number their migrations in one sequence, V0_n, below every service's own: messaging 1-3, audit 4.
-- Every read of a person's data: whose (the subject: a referral, a case), by whom, why and when. In a schema of its
-- own, so that it can be granted apart from the service's data. Rows are only ever added.
create schema if not exists audit;

create table audit.personal_data_read (
    id          bigint generated always as identity primary key,
    subject_id  uuid         not null,
    read_by     varchar(200) not null,
    purpose     varchar(100) not null,
    read_at     timestamptz  not null
);
create index personal_data_read_by_subject on audit.personal_data_read (subject_id, read_at desc, id desc);
create index personal_data_read_by_reader on audit.personal_data_read (read_by, read_at desc, id desc);
create index personal_data_read_by_time on audit.personal_data_read (read_at desc, id desc);
