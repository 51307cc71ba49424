-- The review queue's memory of which slots of a release in review still lack approvals moves off `release` (which
-- the release package owns and its entity does not map) into tables the approval package alone writes.

-- Under which policy the open slots of a release in review were last judged; a release without a row here, or with
-- another fingerprint, is judged in full by the queue, as before.
create table review_queue_judgement (
    release_id bigint not null references release (id) on delete cascade,
    policy     text   not null,
    primary key (release_id) include (policy)
);

-- One row per slot of a release in review that still has fewer approvals than the policy asks.
create table open_review_slot (
    release_id bigint not null references review_queue_judgement (release_id) on delete cascade,
    slot       text   not null,
    primary key (release_id, slot)
);

insert into review_queue_judgement (release_id, policy)
select id, open_slots_policy from release where state = 'IN_REVIEW' and open_slots_policy is not null;

insert into open_review_slot (release_id, slot)
select distinct r.id, s.slot
from release r cross join lateral unnest(r.open_slots) as s (slot)
where r.state = 'IN_REVIEW' and r.open_slots_policy is not null;

-- The queue's walk in (updated_at, id) order still reads the creator from the index; the open slots and the policy
-- come from the primary keys above.
drop index release_in_review_queue_idx;
create index release_in_review_queue_idx on release (updated_at, id) include (created_by) where state = 'IN_REVIEW';

alter table release drop column open_slots, drop column open_slots_policy;
