-- The id of the request that wrote the event (X-Request-Id), carried to Kafka as the CloudEvents extension requestid,
-- so that one request can be followed through every service that the event reaches.
alter table outbox_event add column request_id varchar(64);
