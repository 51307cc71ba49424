-- The reviewers' queue reads releases in review oldest first, in keyset batches on (updated_at, id).
create index release_in_review_queue_idx on release (updated_at, id) where state = 'IN_REVIEW';
-- Every release page asks whether the release has a live emergency or override: look them up by release, not by
-- reading every request ever made.
create index emergency_request_release_idx on emergency_request (release_id);
create index release_override_release_idx on release_override (release_id);

-- Releases per state for the dashboard, kept by triggers: counting every release on each view grows with history.
create table release_state_count (
    state    text   primary key,
    releases bigint not null
);
insert into release_state_count (state, releases)
select state, count(*) from release group by state;

create function count_release_states() returns trigger
    language plpgsql as
$$
begin
    -- rows in state order, so that two transitions in opposite directions never wait for each other's row
    insert into release_state_count (state, releases)
    select s, sum(d)
      from (select old.state, -1 where tg_op in ('UPDATE', 'DELETE')
            union all
            select new.state, 1 where tg_op in ('INSERT', 'UPDATE')) changes(s, d)
     group by s
     order by s
    on conflict (state) do update set releases = release_state_count.releases + excluded.releases;
    return null;
end;
$$;

create trigger release_state_counted_on_insert_or_delete
    after insert or delete on release
    for each row execute function count_release_states();
create trigger release_state_counted_on_change
    after update of state on release
    for each row when (old.state is distinct from new.state) execute function count_release_states();
