-- Incidents: kept small on purpose; the incident feature extends this table later.
create table incident (
    id         bigint generated always as identity primary key,
    title      text        not null,
    severity   text        not null check (severity in ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    -- what happened, its impact and the fix: required before an emergency or overridden release is published
    report     text,
    created_by text        not null,
    created_at timestamptz not null,
    version    bigint      not null default 0
);

-- A request to ship a release on the emergency path, and its assessment and leader decision.
create table emergency_request (
    id                bigint generated always as identity primary key,
    release_id        bigint      not null references release (id),
    incident_id       bigint      not null references incident (id),
    criterion         text        not null check (criterion in ('SECURITY_VULNERABILITY', 'DATA_LOSS_PREVENTION',
                                                                'SERVICE_OUTAGE', 'LEGAL_COMPLIANCE')),
    justification     text        not null,
    affected_services text        not null,
    risk              text        not null,
    state             text        not null check (state in ('REQUESTED', 'ASSESSED', 'DECLINED', 'APPROVED',
                                                            'DENIED', 'PUBLISHED')),
    requested_by      text        not null,
    requested_at      timestamptz not null,
    assessed_by       text,
    assessed_at       timestamptz,
    assessment_reason text,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
-- At most one live emergency per release.
create unique index emergency_request_live_idx on emergency_request (release_id)
    where state in ('REQUESTED', 'ASSESSED', 'APPROVED', 'PUBLISHED');
create index emergency_request_state_idx on emergency_request (state, id);

-- Each engineering leader's approval, with the bypasses they chose; the policy says how many are needed.
create table emergency_approval (
    id           bigint generated always as identity primary key,
    emergency_id bigint      not null references emergency_request (id),
    approver     text        not null,
    reason       text,
    -- [{"requirement":"gate:coverage","reason":"…"}]
    bypasses     jsonb       not null default '[]'::jsonb,
    approved_at  timestamptz not null,
    unique (emergency_id, approver)
);

-- An admin's request to publish a normal release outside the rules; a second admin or a leader decides.
create table release_override (
    id              bigint generated always as identity primary key,
    release_id      bigint      not null references release (id),
    incident_id     bigint      not null references incident (id),
    reason          text        not null,
    state           text        not null check (state in ('REQUESTED', 'APPROVED', 'DENIED')),
    requested_by    text        not null,
    requested_at    timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    version         bigint      not null default 0
);
create unique index release_override_live_idx on release_override (release_id) where state in ('REQUESTED', 'APPROVED');

-- Requirements waived for a release (an emergency's bypasses, an override): never changed, shown for ever.
create table requirement_waiver (
    id          bigint generated always as identity primary key,
    release_id  bigint      not null references release (id),
    source      text        not null check (source in ('EMERGENCY', 'OVERRIDE')),
    source_id   bigint      not null,
    requirement text        not null,
    reason      text        not null,
    waived_by   text        not null,
    waived_at   timestamptz not null,
    unique (release_id, requirement)
);
create trigger requirement_waiver_immutable
    before update or delete on requirement_waiver
    for each row execute function refuse_change();

-- Post-mortems: created when an emergency release is published; the post-mortem feature adds the editor later.
create table postmortem (
    id           bigint generated always as identity primary key,
    release_id   bigint      not null unique references release (id),
    incident_id  bigint      not null references incident (id),
    emergency_id bigint references emergency_request (id),
    owner        text        not null,
    due_at       timestamptz not null,
    state        text        not null check (state in ('DRAFT', 'PUBLISHED')),
    created_at   timestamptz not null,
    version      bigint      not null default 0
);
create index postmortem_due_idx on postmortem (state, due_at);
