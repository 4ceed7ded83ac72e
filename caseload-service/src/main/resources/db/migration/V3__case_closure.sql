-- A case ends with a coded reason; closing frees its link worker's place.
alter table care_case
    add column closed_at       timestamptz,
    add column closure_reason  varchar(40);
create index care_case_by_pcn_status on care_case (pcn_code, status, opened_at, id);
