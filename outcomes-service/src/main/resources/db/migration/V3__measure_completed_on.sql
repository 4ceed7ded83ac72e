-- The day the person completed the questionnaire (one filled in on paper last week is entered today): baseline and
-- follow-up are ordered, and the metrics' periods read, by it. Those recorded before it was asked for were completed
-- on the day they were entered, as far as anyone knows.
alter table measurement add column completed_on date;
update measurement set completed_on = cast(recorded_at at time zone 'Europe/London' as date);
alter table measurement alter column completed_on set not null;
create index measurement_by_completion on measurement (completed_on);
