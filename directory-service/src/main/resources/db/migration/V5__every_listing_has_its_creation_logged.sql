-- Every listing's creation is in its change log. Until now the demo data's listings and those published by a path
-- other than a partner's or an import were not: each is given its "created" entry, dated when it was published, by
-- an author no longer known. ("action" grows to fit "capacity-changed".)
alter table listing_change alter column action type varchar(30);
insert into listing_change (service_id, changed_by, changed_at, action, changes)
select s.id, 'unknown (created before creations were logged)', s.published_at, 'created', '{}'
from service s
where not exists (select 1 from listing_change c where c.service_id = s.id and c.action = 'created');
