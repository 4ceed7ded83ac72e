-- Each replay of a dead-lettered record (a consumer's dead-letter topic, partition, offset) by an admin, and what came
-- of it. The record itself stays on its dead-letter topic.
create table dead_letter_replay (
    dlq_topic     text        not null,
    dlq_partition int         not null,
    dlq_offset    bigint      not null,
    replayed_at   timestamptz not null,
    replayed_by   text        not null,
    outcome       text        not null check (outcome in ('replayed', 'failed')),
    detail        text,
    primary key (dlq_topic, dlq_partition, dlq_offset, replayed_at)
);
