-- Deployments of a published release to each environment CI reports, one row per report: the latest report of a
-- step (a canary percentage) says where that step is. The step's post-release checks are judged by Greenlight and
-- kept with the report. Never changed, only added.
create table deployment (
    id          bigint generated always as identity primary key,
    release_id  bigint      not null references release (id),
    environment text        not null,
    status      text        not null check (status in ('STARTED', 'SUCCEEDED', 'FAILED')),
    percentage  integer     not null check (percentage between 1 and 100),
    reference   text,
    url         text check (url is null or url ~* '^https?://'),
    checks      jsonb       not null default '[]',
    reported_by text        not null,
    reported_at timestamptz not null
);
create index deployment_release_idx on deployment (release_id, id);
create trigger deployment_immutable
    before update or delete on deployment
    for each row execute function refuse_change();

-- A leader's or maintainer's approval to promote a release to an environment; one per person and environment.
create table promotion_approval (
    id          bigint generated always as identity primary key,
    release_id  bigint      not null references release (id),
    environment text        not null,
    approved_by text        not null,
    approved_at timestamptz not null,
    unique (release_id, environment, approved_by)
);
create trigger promotion_approval_immutable
    before update or delete on promotion_approval
    for each row execute function refuse_change();

revoke update, delete on deployment, promotion_approval from greenlight_app;
