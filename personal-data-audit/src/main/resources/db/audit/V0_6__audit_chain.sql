-- The audit log is append-only and tamper-evident. Append-only: a trigger refuses to delete or truncate its rows, or to
-- change one, except the sealer's single setting of seq and hash on a row not yet sealed. Tamper-evident: the sealer
-- (AuditChain) gives each new row, in the order it sees them committed, the next seq and
-- hash = SHA-256(previous hash || the row's fields), so altering, removing or inserting a sealed row breaks every
-- hash after it; the head (last seq and hash) is kept in audit.chain_head and written to the service's log, so that
-- cutting rows off the end, or rewriting the whole chain, shows against it.
alter table audit.personal_data_read add column seq bigint, add column hash bytea;
create unique index personal_data_read_by_seq on audit.personal_data_read (seq);
create index personal_data_read_unsealed on audit.personal_data_read (id) where seq is null;

create table audit.chain_head (
    only_row boolean primary key default true check (only_row),
    seq      bigint not null,
    hash     bytea  not null
);
insert into audit.chain_head (seq, hash) values (0, decode(repeat('00', 32), 'hex'));

create function audit.append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
        raise exception 'audit.personal_data_read is append-only: rows are never deleted' using errcode = 'insufficient_privilege';
    end if;
    if old.seq is not null or new.id <> old.id or new.subject_id <> old.subject_id or new.read_by <> old.read_by
            or new.purpose <> old.purpose or new.read_at <> old.read_at then
        raise exception 'audit.personal_data_read is append-only: a row is never changed' using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger personal_data_read_append_only before update or delete on audit.personal_data_read
    for each row execute function audit.append_only();
create trigger personal_data_read_no_truncate before truncate on audit.personal_data_read
    for each statement execute function audit.append_only();
