-- Freeze windows of the change calendar: no publishing while one covers a release's packages, except an approved
-- emergency (recorded as a bypass in the audit log). Times are local wall-clock times in the window's IANA zone, so
-- that a recurring Friday 18:00 window stays at 18:00 across daylight-saving changes; occurrences are expanded from
-- the RFC 5545 rule when read, never stored.
create table freeze_window (
    id          bigint generated always as identity primary key,
    reason      text        not null,
    starts_at   timestamp   not null,
    ends_at     timestamp   not null check (ends_at > starts_at),
    time_zone   text        not null,
    -- RFC 5545 RRULE value (FREQ=WEEKLY;BYDAY=FR), null for a one-off window
    recurrence  text,
    scope       text        not null check (scope in ('ALL', 'PACKAGES', 'ENVIRONMENTS')),
    -- package or environment names for those scopes, empty for ALL
    targets     jsonb       not null default '[]',
    created_by  text        not null,
    created_at  timestamptz not null,
    updated_by  text        not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
create index freeze_window_ends_idx on freeze_window (ends_at) where recurrence is null;
