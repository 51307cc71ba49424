-- Workspace packages as the release plan sees them: the manifest of each package.
create table workspace_package (
    id                bigint generated always as identity primary key,
    name              text        not null unique,
    version           text        not null,
    dependencies      jsonb       not null default '{}'::jsonb,
    dev_dependencies  jsonb       not null default '{}'::jsonb,
    peer_dependencies jsonb       not null default '{}'::jsonb,
    updated_at        timestamptz not null,
    updated_by        text        not null
);

create table release (
    id            bigint generated always as identity primary key,
    title         text        not null,
    state         text        not null check (state in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'VALIDATED',
                                                        'ROLLED_BACK', 'REJECTED', 'CANCELLED')),
    pre_release   text check (pre_release in ('alpha', 'beta', 'rc')),
    -- manifests of every workspace package after the release, as the plan rewrote them
    manifests     jsonb       not null,
    state_reason  text,
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);
create index release_state_idx on release (state, id desc);
create index release_created_by_idx on release (created_by, id desc);

-- One row per package the release bumps: the frozen plan and changelog.
create table release_package (
    release_id   bigint not null references release (id),
    package_name text   not null,
    old_version  text   not null,
    new_version  text   not null,
    bump         text   not null check (bump in ('none', 'patch', 'minor', 'major')),
    changelog    text   not null,
    position     int    not null,
    primary key (release_id, package_name)
);
create index release_package_name_idx on release_package (package_name, release_id desc);

create table changeset (
    id          bigint generated always as identity primary key,
    slug        text        not null,
    summary     text        not null,
    -- the Changesets markdown as submitted, when it came as a file
    source      text,
    author      text        not null,
    created_at  timestamptz not null,
    release_id  bigint references release (id)
);
-- Changesets files are unique in a repository at any one time, not forever.
create unique index changeset_pending_slug_idx on changeset (slug) where release_id is null;
create index changeset_release_idx on changeset (release_id);

create table changeset_bump (
    changeset_id bigint not null references changeset (id) on delete cascade,
    package_name text   not null,
    bump         text   not null check (bump in ('none', 'patch', 'minor', 'major')),
    position     int    not null,
    primary key (changeset_id, package_name)
);

-- Append-only audit log; each event carries the hash of the one before it.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    entity_type  text        not null,
    entity_id    text        not null,
    release_id   bigint,
    before_state jsonb,
    after_state  jsonb,
    prev_hash    text        not null,
    hash         text        not null unique
);
create index audit_event_release_idx on audit_event (release_id, id);
create index audit_event_actor_idx on audit_event (actor, id);
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_time_idx on audit_event (occurred_at, id);

create function refuse_audit_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit events are append-only: % refused on audit_event', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_audit_change();

-- Which changesets each release was built from; kept when a release is cancelled and its changesets return to pending.
create table release_changeset (
    release_id   bigint not null references release (id),
    changeset_id bigint not null references changeset (id),
    primary key (release_id, changeset_id)
);
create index release_changeset_changeset_idx on release_changeset (changeset_id);
