-- Incidents in full: status, impact, when it started and ended, the services and releases it touched, and whether it
-- was a security incident (metrics count post-release security incidents).
alter table incident
    add column status            text        not null default 'OPEN'
        check (status in ('OPEN', 'MITIGATED', 'RESOLVED')),
    add column impact            text,
    add column started_at        timestamptz,
    add column resolved_at       timestamptz,
    add column security          boolean     not null default false,
    add column affected_services text[]      not null default '{}',
    add column updated_at        timestamptz;
update incident set started_at = created_at, updated_at = created_at;
alter table incident
    alter column started_at set not null,
    alter column updated_at set not null,
    add constraint incident_resolved_after_start check (resolved_at is null or resolved_at >= started_at);
create index incident_started_idx on incident (started_at desc, id desc);

create table incident_release (
    incident_id bigint not null references incident (id),
    release_id  bigint not null references release (id),
    primary key (incident_id, release_id)
);
create index incident_release_release_idx on incident_release (release_id);

-- Post-mortems: from an emergency publish (one per release) or from an incident (no release of their own).
alter table postmortem
    alter column release_id drop not null,
    drop constraint postmortem_state_check,
    add constraint postmortem_state_check check (state in ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    add column summary                   text,
    add column impact                    text,
    add column root_cause                text,
    add column contributing_factors      text,
    add column went_well                 text,
    add column lessons                   text,
    add column created_by                text,
    add column submitted_by              text,
    add column submitted_at              timestamptz,
    add column changes_requested_reason  text,
    -- sign-off: someone other than the owner and the submitter
    add column reviewer                  text,
    add column reviewed_at               timestamptz,
    add column published_by              text,
    add column published_at              timestamptz,
    -- reminders: the job claims rows with FOR UPDATE SKIP LOCKED and records what it queued, in one transaction
    add column due_soon_notified_at      timestamptz,
    add column last_escalated_at         timestamptz,
    add column escalations               int         not null default 0,
    add column updated_at                timestamptz;
update postmortem set updated_at = created_at, created_by = 'greenlight';
alter table postmortem
    alter column updated_at set not null,
    alter column created_by set not null;
create index postmortem_incident_idx on postmortem (incident_id);

create table postmortem_timeline_entry (
    id            bigint generated always as identity primary key,
    postmortem_id bigint      not null references postmortem (id),
    occurred_at   timestamptz not null,
    text          text        not null,
    created_by    text        not null,
    created_at    timestamptz not null
);
create index postmortem_timeline_idx on postmortem_timeline_entry (postmortem_id, occurred_at, id);

create table postmortem_action_item (
    id            bigint generated always as identity primary key,
    postmortem_id bigint      not null references postmortem (id),
    description   text        not null,
    owner         text        not null,
    due_on        date        not null,
    status        text        not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'WONT_DO')),
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);
create index postmortem_action_item_idx on postmortem_action_item (postmortem_id, id);
