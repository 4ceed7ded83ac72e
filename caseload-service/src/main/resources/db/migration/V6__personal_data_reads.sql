-- Every read of what a person told their link worker (care plans, session and connection notes): by whom, when, what.
create table personal_data_read (
    id            bigint generated always as identity primary key,
    case_id       uuid         not null,
    read_by       varchar(200) not null,
    purpose       varchar(100) not null,
    read_at       timestamptz  not null
);
create index personal_data_read_by_case on personal_data_read (case_id, read_at desc, id desc);
