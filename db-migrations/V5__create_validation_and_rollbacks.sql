-- Post-release checks as measured; pass or fail is Greenlight's verdict against the policy's threshold at the time.
-- Rows are never changed: the latest per (release, check) counts.
create table release_check (
    id             bigint generated always as identity primary key,
    release_id     bigint      not null references release (id),
    check_name     text        not null check (check_name in ('SMOKE_TESTS', 'ERROR_RATE', 'PERFORMANCE_REGRESSION',
                                                              'ROLLBACK_PLAN')),
    passed         boolean     not null,
    measured_value numeric,
    threshold      text        not null,
    evidence_id    bigint references evidence (id),
    note           text,
    recorded_by    text        not null,
    recorded_at    timestamptz not null
);
create index release_check_release_idx on release_check (release_id, check_name, id desc);
create trigger release_check_immutable
    before update or delete on release_check
    for each row execute function refuse_change();

-- A rollback of a published release to the version tags that preceded it. The release is rolled back when it starts.
create table rollback (
    id           bigint generated always as identity primary key,
    release_id   bigint      not null references release (id),
    -- the release's own tags and the earlier ones it goes back to, one per package: ["@neuronx/core@1.4.0"]
    from_tag     jsonb       not null,
    to_tag       jsonb       not null,
    reason       text        not null,
    incident_id  bigint references incident (id),
    state        text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    started_by   text        not null,
    started_at   timestamptz not null,
    completed_at timestamptz,
    version      bigint      not null default 0,
    check ((state = 'COMPLETED') = (completed_at is not null))
);
-- One live rollback per release.
create unique index rollback_live_idx on rollback (release_id) where state = 'IN_PROGRESS';
create index rollback_release_idx on rollback (release_id, id);

-- The policy's manual rollback steps, copied from the policy when the rollback starts, ticked in order.
create table rollback_step (
    id          bigint generated always as identity primary key,
    rollback_id bigint      not null references rollback (id),
    position    int         not null,
    step        text        not null,
    label       text        not null,
    skippable   boolean     not null,
    state       text        not null check (state in ('OPEN', 'DONE', 'NOT_APPLICABLE')),
    note        text,
    done_by     text,
    done_at     timestamptz,
    unique (rollback_id, position),
    check ((state = 'OPEN') = (done_by is null)),
    check (state <> 'NOT_APPLICABLE' or (skippable and note is not null))
);

-- A ticked step stays ticked: only OPEN rows may change, and nothing is deleted.
create function refuse_untick() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' or old.state <> 'OPEN' then
        raise exception 'rollback steps cannot be unticked or removed: % refused', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger rollback_step_ticked_once
    before update or delete on rollback_step
    for each row execute function refuse_untick();
