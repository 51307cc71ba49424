-- Architecture decision records a release refers to (the policy's "ADR References"). Never changed, only added.
create table release_adr (
    id         bigint generated always as identity primary key,
    release_id bigint      not null references release (id),
    title      text        not null,
    url        text        not null check (url ~* '^https?://'),
    added_by   text        not null,
    added_at   timestamptz not null
);
create index release_adr_release_idx on release_adr (release_id, id);
create trigger release_adr_immutable
    before update or delete on release_adr
    for each row execute function refuse_change();

-- Metrics aggregate published releases by week or month of publication.
create index release_published_idx on release (published_at) where published_at is not null;

-- The application's database role: it reads and writes everything, but may only append to the audit log.
-- Role names are global to the cluster and several schemas (dev, each branch's tests) run this script, possibly at
-- the same time: create it only when missing, and tolerate losing the race.
do
$$
begin
    if not exists (select 1 from pg_roles where rolname = 'greenlight_app') then
        create role greenlight_app nologin;
    end if;
exception
    when duplicate_object or unique_violation then null;
end;
$$;

grant usage on schema ${flyway:defaultSchema} to greenlight_app;
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to greenlight_app;
-- Tables later migrations create get the same rights; an append-only one revokes update and delete itself.
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to greenlight_app;
revoke update, delete, truncate on audit_event from greenlight_app;
revoke update, delete on release_adr, evidence, gate_result, requirement_waiver from greenlight_app;
-- Post-release check results (V5, when installed) are immutable too.
do
$$
begin
    if to_regclass('release_check') is not null then
        execute 'revoke update, delete on release_check from greenlight_app';
    end if;
end;
$$;
-- Flyway's own history table is not the application's business.
revoke all on ${flyway:table} from greenlight_app;
