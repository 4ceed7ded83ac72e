-- Idempotency-Key records move to the shared table (the idempotency module's db/idempotency), so that a retry across
-- the upgrade is still answered from its first response.
insert into idempotency.record (caller, idempotency_key, request_hash, status, location, etag, content_type, body, created_at)
select caller, idempotency_key, request_hash, status, location, etag, content_type, body, created_at from idempotency_record;
drop table idempotency_record;
