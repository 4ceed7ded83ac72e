-- The audit of reads moves to the shared table (personal-data-audit's db/audit), its rows kept in their order.
insert into audit.personal_data_read (subject_id, read_by, purpose, read_at)
select subject_id, read_by, purpose, read_at from personal_data_read order by id;
drop table personal_data_read;
