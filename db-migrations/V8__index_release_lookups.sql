-- The reviewers' queue reads releases in review oldest first, in keyset batches on (updated_at, id).
create index release_in_review_queue_idx on release (updated_at, id) where state = 'IN_REVIEW';
-- Every release page asks whether the release has a live emergency or override: look them up by release, not by
-- reading every request ever made.
create index emergency_request_release_idx on emergency_request (release_id);
create index release_override_release_idx on release_override (release_id);
