-- Release content changes bump the version; approvals and gate results of older versions are stale.
alter table release
    add column content_version int not null default 1,
    add column published_at    timestamptz,
    add column published_by    text,
    add column tags            jsonb,
    add column merged_at       timestamptz,
    add column deployed_at     timestamptz;

create table approval (
    id              bigint generated always as identity primary key,
    release_id      bigint      not null references release (id),
    slot            text        not null,
    approver        text        not null,
    decision        text        not null check (decision in ('APPROVED', 'REJECTED')),
    comment         text,
    content_version int         not null,
    decided_at      timestamptz not null,
    stale_at        timestamptz
);
-- One person fills at most one slot of a release, once: a double submit cannot record two approvals.
create unique index approval_one_per_person_idx on approval (release_id, approver)
    where stale_at is null and decision = 'APPROVED';
create index approval_release_idx on approval (release_id, id);
create index approval_approver_idx on approval (approver, id);

-- Evidence: a link or a file kept in the database with its SHA-256. Never changed, only superseded.
create table evidence (
    id           bigint generated always as identity primary key,
    release_id   bigint      not null references release (id),
    kind         text        not null check (kind in ('LINK', 'FILE')),
    url          text,
    file_name    text,
    content_type text,
    size_bytes   bigint,
    sha256       text        not null,
    content      bytea,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    check ((kind = 'LINK' and url is not null) or (kind = 'FILE' and content is not null))
);
create index evidence_release_idx on evidence (release_id, id);

-- Gate results as measured; pass or fail is Greenlight's verdict against the policy's threshold at the time.
create table gate_result (
    id              bigint generated always as identity primary key,
    release_id      bigint         not null references release (id),
    gate            text           not null,
    measured        numeric,
    passed          boolean        not null,
    threshold       text           not null,
    evidence_id     bigint references evidence (id),
    note            text,
    content_version int            not null,
    recorded_by     text           not null,
    recorded_at     timestamptz    not null
);
create index gate_result_release_idx on gate_result (release_id, gate, id desc);

create function refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception '% rows are immutable: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger evidence_immutable
    before update or delete on evidence
    for each row execute function refuse_change();
create trigger gate_result_immutable
    before update or delete on gate_result
    for each row execute function refuse_change();
