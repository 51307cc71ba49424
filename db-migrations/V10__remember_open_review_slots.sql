-- The review slots of a release that still have fewer approvals than the policy asks (escalations included), and the
-- policy they were judged under. The review queue walks only releases with a slot the reviewer may fill open, or not
-- yet judged under the running policy (null, or another fingerprint): those it judges in full, as before.
alter table release add column open_slots text[];
alter table release add column open_slots_policy text;

-- The queue's walk in (updated_at, id) order reads what it filters on from the index.
drop index release_in_review_queue_idx;
create index release_in_review_queue_idx on release (updated_at, id)
    include (open_slots, open_slots_policy, created_by) where state = 'IN_REVIEW';

-- The queue no longer asks whether a release has a major bump.
drop index release_package_major_idx;
