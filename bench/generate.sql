-- Benchmark data for a large organisation, generated set-based in one transaction (well under a minute):
-- 100,000 releases across 50 packages, about 400,000 approvals, 1,000,000 audit events in a valid hash chain,
-- 20,000 emergency requests with their incidents, 5,000 post-mortems, 500 users.
--
--   psql -v ON_ERROR_STOP=1 -v schema=greenlight_bench -f bench/generate.sql
--
-- The schema must already be migrated (bench/run.sh starts the packaged app once for that). Every table of the
-- schema except Flyway's history is emptied first, so tables added by later migrations start empty too; give them
-- data in a section of their own below ("-- == name ==" sections, each reading the temporary table rel).
--
-- Users are user001..user500; their roles come from the benchmark's tokens, by number:
--   001-300 author, 301-380 code-reviewer, 381-420 security-reviewer, 421-460 product-reviewer,
--   461-470 security-team, 471-480 product-team, 481-490 engineering-leader, 491-500 maintainer.
\set ON_ERROR_STOP on
set search_path to :"schema";
set client_min_messages to warning;
begin;

-- == reset: empty every table (the audit trigger refuses DELETE, not TRUNCATE) ==
do $$
declare
    tables text;
begin
    select string_agg(format('%I', tablename), ', ')
      into tables
      from pg_tables
     where schemaname = current_schema() and tablename <> 'flyway_schema_history';
    execute 'truncate ' || tables || ' restart identity cascade';
end;
$$;

-- == speed: build secondary indexes once at the end instead of row by row, skip foreign-key triggers ==
-- The rows below are consistent by construction; constraint indexes (primary keys, unique constraints) stay.
set local session_replication_role = replica;
set local work_mem = '128MB';
set local maintenance_work_mem = '256MB';
create temporary table deferred_index on commit drop as
select indexname, indexdef
  from pg_indexes i
 where schemaname = current_schema()
   and not exists (select 1 from pg_constraint c
                    where c.conname = i.indexname and c.connamespace = current_schema()::regnamespace);
do $$
declare
    idx record;
begin
    for idx in select indexname from deferred_index loop
        execute format('drop index %I', idx.indexname);
    end loop;
end;
$$;

create temporary table bench_clock on commit drop as select date_trunc('second', now()) as now;

-- == workspace: 50 packages ==
insert into workspace_package (name, version, updated_at, updated_by)
select format('@org/pkg-%s', lpad(p::text, 2, '0')), format('%s.%s.0', p % 5 + 1, 40), (select now from bench_clock),
       'user491'
  from generate_series(1, 50) p;

-- == releases: one row per release with everything the sections below derive from ==
-- h is a stable pseudo-random number 0..999 per release; the last 3,000 releases are the open ones.
create temporary table rel on commit drop as
select n as id,
       h,
       case
           when n > 97000 then case when h < 500 then 'IN_REVIEW' when h < 700 then 'DRAFT'
                                    when h < 800 then 'APPROVED' else 'PUBLISHED' end
           when h < 30 then 'CANCELLED'
           when h < 50 then 'REJECTED'
           when h < 60 then 'ROLLED_BACK'
           when h < 100 then 'PUBLISHED'
           else 'VALIDATED'
       end as state,
       format('user%s', lpad(((n * 7919) % 300 + 1)::text, 3, '0')) as creator,
       (select now from bench_clock) - interval '1461 days' + n * (1461 * 86400 / 100001.0) * interval '1 second'
           as created_at,
       1 + h % 3 as package_count,
       h % 50 = 0 as major,
       n % 5 = 0 as emergency
  from generate_series(1, 100000) n,
       lateral (select ((n::bigint * 2654435761) % 1000)::int as h) r;
create unique index on rel (id);
analyze rel;

insert into release (id, title, state, pre_release, manifests, state_reason, created_by, created_at, updated_at,
                     version, content_version, published_at, published_by, tags, merged_at, deployed_at)
overriding system value
select r.id,
       format('Release %s: %s', r.id, (array ['Faster sync', 'Login fixes', 'New billing export', 'Search tuning',
           'Dependency updates', 'Accessibility pass', 'Audit export', 'Mobile layout'])[r.h % 8 + 1]),
       r.state,
       case when r.h % 97 = 0 then 'rc' end,
       p.manifests,
       case r.state when 'CANCELLED' then 'Superseded by a later release.'
                    when 'REJECTED' then 'Will not ship: the approach changed.'
                    when 'ROLLED_BACK' then 'Error rate above the limit after deploy.' end,
       r.creator,
       r.created_at,
       r.created_at + interval '3 hours' + (r.h * interval '1 minute'),
       3,
       1,
       p.published_at,
       case when p.published_at is not null then format('user%s', 491 + r.id % 10) end,
       case when p.published_at is not null then p.tags end,
       p.published_at + interval '10 minutes',
       p.published_at + interval '1 hour'
  from rel r,
       lateral (select jsonb_agg(jsonb_build_object('name', pk.name, 'version', pk.new_version, 'dependencies', '{}'::jsonb,
                                                    'devDependencies', '{}'::jsonb, 'peerDependencies', '{}'::jsonb)
                                 order by pk.j) as manifests,
                       jsonb_agg(pk.name || '@' || pk.new_version order by pk.j) as tags,
                       case when r.state in ('PUBLISHED', 'VALIDATED', 'ROLLED_BACK')
                            then r.created_at + interval '1 day' end as published_at
                  from (select j, format('@org/pkg-%s', lpad((((r.id * 13 + j * 17) % 50) + 1)::text, 2, '0')) as name,
                               case when r.major and j = 0
                                    then format('%s.0.0', (r.id * 13 % 50) % 5 + 2)
                                    else format('%s.%s.%s', (r.id * 13 + j * 17) % 50 % 5 + 1, r.id / 2000,
                                                r.id % 100 + 1) end as new_version
                          from generate_series(0, r.package_count - 1) j) pk) p;

insert into release_package (release_id, package_name, old_version, new_version, bump, changelog, position)
select r.id, pk.name, pk.old_version, pk.new_version, pk.bump,
       format('- %s (#%s)', (array ['Fix a race in sync', 'Speed up search', 'Clearer errors', 'Upgrade dependencies',
           'Add an export option'])[(r.h + j) % 5 + 1], r.id * 3 + j),
       j
  from rel r,
       lateral (select j, format('@org/pkg-%s', lpad((((r.id * 13 + j * 17) % 50) + 1)::text, 2, '0')) as name,
                       format('%s.%s.%s', (r.id * 13 + j * 17) % 50 % 5 + 1, r.id / 2000, r.id % 100) as old_version,
                       case when r.major and j = 0 then format('%s.0.0', (r.id * 13 % 50) % 5 + 2)
                            else format('%s.%s.%s', (r.id * 13 + j * 17) % 50 % 5 + 1, r.id / 2000, r.id % 100 + 1)
                       end as new_version,
                       case when r.major and j = 0 then 'major' when r.h % 7 = 0 then 'minor' else 'patch' end as bump
                  from generate_series(0, r.package_count - 1) j) pk;

-- == changesets: one or two per release, 30 pending ==
insert into changeset (id, slug, summary, source, author, created_at, release_id)
overriding system value
select r.id * 2 + i, format('cs-%s-%s', r.id, i),
       case when r.h % 40 = 1 and i = 0 then 'Fix XSS in the comment preview' else format('Change %s of release %s', i + 1, r.id) end,
       null,
       case when i = 0 then r.creator else format('user%s', lpad(((r.id * 31) % 300 + 1)::text, 3, '0')) end,
       r.created_at - interval '2 hours' + i * interval '10 minutes',
       r.id
  from rel r, generate_series(0, (r.h / 3) % 2) i;
insert into changeset (id, slug, summary, author, created_at)
overriding system value
select 300000 + i, format('pending-%s', i), format('Pending change %s', i),
       format('user%s', lpad((i * 7 % 300 + 1)::text, 3, '0')), (select now from bench_clock) - i * interval '1 hour'
  from generate_series(1, 30) i;

insert into changeset_bump (changeset_id, package_name, bump, position)
select c.id, rp.package_name, rp.bump, rp.position
  from changeset c
  join release_package rp on rp.release_id = c.release_id and (c.id % 2 = 0 or rp.position = 0);
insert into changeset_bump (changeset_id, package_name, bump, position)
select 300000 + i, format('@org/pkg-%s', lpad((i % 50 + 1)::text, 2, '0')), 'patch', 0
  from generate_series(1, 30) i;

insert into release_changeset (release_id, changeset_id)
select release_id, id from changeset where release_id is not null;

-- == approvals: three slots per reviewed release, a second code reviewer for major bumps, stale earlier rounds ==
-- code: user301-380, security: user381-420, product: user421-460. Releases in review have none yet, so that the
-- benchmark's approval POSTs find every slot open.
insert into approval (release_id, slot, approver, decision, comment, content_version, decided_at, stale_at)
select r.id, a.slot, a.approver, a.decision, a.comment, 1, r.created_at + a.after, a.stale_at
  from rel r,
       lateral (values ('code', format('user%s', 301 + r.id % 80), 'APPROVED', null::text, interval '4 hours',
                        null::timestamptz),
                       ('security', format('user%s', 381 + r.id % 40), 'APPROVED', null, interval '5 hours', null),
                       ('product', format('user%s', 421 + r.id % 40), 'APPROVED', 'Looks good.', interval '6 hours',
                        null),
                       ('code', format('user%s', 301 + (r.id + 1) % 80), 'APPROVED', null, interval '2 hours',
                        case when not r.major then r.created_at + interval '3 hours' end)) a(slot, approver, decision,
                                                                                        comment, after, stale_at)
 where r.state in ('APPROVED', 'PUBLISHED', 'VALIDATED', 'ROLLED_BACK');
insert into approval (release_id, slot, approver, decision, comment, content_version, decided_at, stale_at)
select r.id, 'security', format('user%s', 381 + r.id % 40), 'REJECTED', 'Needs a threat model first.', 1,
       r.created_at + interval '5 hours', r.created_at + interval '5 hours'
  from rel r
 where r.state in ('REJECTED', 'CANCELLED') or (r.state in ('DRAFT', 'IN_REVIEW') and r.h % 4 = 0);
insert into approval (release_id, slot, approver, decision, comment, content_version, decided_at, stale_at)
select r.id, 'code', format('user%s', 301 + (r.id + 7) % 80), 'APPROVED', null, 1, r.created_at + interval '1 hour',
       r.created_at + interval '5 hours'
  from rel r
 where r.state in ('REJECTED', 'CANCELLED') or (r.state = 'VALIDATED' and r.h % 5 = 0);

-- == gates: CI's results with evidence links for every release that passed review ==
insert into evidence (id, release_id, kind, url, sha256, recorded_by, recorded_at)
overriding system value
select r.id, r.id, 'LINK', format('https://ci.example.com/builds/%s', r.id), md5(r.id::text) || md5(r.id::text || 'e'),
       'ci', r.created_at + interval '2 hours'
  from rel r
 where r.state in ('APPROVED', 'PUBLISHED', 'VALIDATED', 'ROLLED_BACK');
insert into gate_result (release_id, gate, measured, passed, threshold, evidence_id, content_version, recorded_by,
                         recorded_at)
select r.id, g.gate, g.measured, true, g.threshold, case when g.gate = 'evidence' then r.id end, 1, 'ci',
       r.created_at + interval '2 hours'
  from rel r,
       lateral (values ('tests', 0::numeric, 'at most 0 failed tests'),
                       ('coverage', 85 + r.h % 15, 'at least 85 %'),
                       ('critical-vulnerabilities', 0, 'at most 0 critical vulnerabilities'),
                       ('evidence', null, 'release evidence attached')) g(gate, measured, threshold)
 where r.state in ('APPROVED', 'PUBLISHED', 'VALIDATED', 'ROLLED_BACK')
    or (r.state = 'IN_REVIEW' and g.gate in ('tests', 'coverage') and r.h % 2 = 0);

-- == emergencies: 20,000 requests (every fifth release), each with an incident ==
-- security-team user461-470, product-team user471-480, leaders user481-490.
create temporary table emergency_src on commit drop as
select r.*,
       case
           when r.state in ('PUBLISHED', 'VALIDATED', 'ROLLED_BACK') then 'PUBLISHED'
           when r.state = 'APPROVED' then 'APPROVED'
           when r.state in ('IN_REVIEW', 'DRAFT') and r.h % 10 = 0 then 'REQUESTED'
           when r.state in ('IN_REVIEW', 'DRAFT') and r.h % 10 = 5 then 'ASSESSED'
           when r.h % 2 = 0 then 'DECLINED'
           else 'DENIED'
       end as emergency_state
  from rel r
 where r.emergency;
insert into incident (id, title, severity, report, created_by, created_at, status, impact, started_at, resolved_at,
                      security, affected_services, updated_at)
overriding system value
select e.id, format('Incident on release %s', e.id), (array ['SEV1', 'SEV2', 'SEV3', 'SEV4'])[e.h % 4 + 1],
       case when e.emergency_state in ('PUBLISHED', 'APPROVED') then 'Impact, timeline and fix.' end, e.creator,
       e.created_at - interval '1 hour',
       case when e.emergency_state = 'PUBLISHED' then 'RESOLVED' else 'OPEN' end, 'Customers saw errors.',
       e.created_at - interval '2 hours',
       case when e.emergency_state = 'PUBLISHED' then e.created_at + interval '3 hours' end,
       e.h % 10 = 0, array ['billing', 'sync'], e.created_at + interval '3 hours'
  from emergency_src e;
insert into incident_release (incident_id, release_id)
select e.id, e.id
  from emergency_src e;
insert into emergency_request (id, release_id, incident_id, criterion, justification, affected_services, risk, state,
                               requested_by, requested_at, assessed_by, assessed_at, assessment_reason, decided_by,
                               decided_at, decision_reason, updated_at)
overriding system value
select e.id, e.id, e.id,
       (array ['SECURITY_VULNERABILITY', 'DATA_LOSS_PREVENTION', 'SERVICE_OUTAGE', 'LEGAL_COMPLIANCE'])[e.h % 4 + 1],
       'Customers are affected now.', 'billing, sync', 'Small change, reviewed by two people.', e.emergency_state,
       e.creator, e.created_at,
       case when e.emergency_state <> 'REQUESTED' then format('user%s', 461 + e.id % 20) end,
       case when e.emergency_state <> 'REQUESTED' then e.created_at + interval '20 minutes' end,
       case when e.emergency_state <> 'REQUESTED' then 'Criterion met.' end,
       case when e.emergency_state in ('APPROVED', 'PUBLISHED', 'DENIED') then format('user%s', 481 + e.id % 10) end,
       case when e.emergency_state in ('APPROVED', 'PUBLISHED', 'DENIED') then e.created_at + interval '40 minutes' end,
       case when e.emergency_state in ('APPROVED', 'PUBLISHED', 'DENIED') then 'Agreed.' end,
       e.created_at + interval '1 hour'
  from emergency_src e;
insert into emergency_approval (emergency_id, approver, reason, bypasses, approved_at)
select e.id, format('user%s', 481 + e.id % 10), 'Agreed.',
       jsonb_build_array(jsonb_build_object('requirement', 'gate:coverage', 'reason', 'Hotfix; coverage follows.')),
       e.created_at + interval '40 minutes'
  from emergency_src e
 where e.emergency_state in ('APPROVED', 'PUBLISHED');
insert into requirement_waiver (release_id, source, source_id, requirement, reason, waived_by, waived_at)
select e.id, 'EMERGENCY', e.id, 'gate:coverage', 'Hotfix; coverage follows.', format('user%s', 481 + e.id % 10),
       e.created_at + interval '40 minutes'
  from emergency_src e
 where e.emergency_state in ('APPROVED', 'PUBLISHED');

-- == post-mortems: the 5,000 latest published emergencies; the three newest still drafts, overdue ==
insert into postmortem (release_id, incident_id, emergency_id, owner, due_at, state, created_at, created_by,
                        updated_at, summary, impact, root_cause, contributing_factors, went_well, lessons, submitted_by,
                        submitted_at, reviewer, reviewed_at, published_by, published_at)
select p.id, p.id, p.id, p.creator, p.created_at + interval '2 days', p.pm_state, p.created_at + interval '1 day',
       'greenlight', p.created_at + interval '1 day',
       'What happened, in two lines.', 'Who was affected and for how long.', 'The **cause**, found by the team.',
       '- No test for it\n- Alert came late', 'The emergency path took under an hour.', 'Test the failure mode.',
       case when p.pm_state = 'PUBLISHED' then p.creator end,
       case when p.pm_state = 'PUBLISHED' then p.created_at + interval '26 hours' end,
       case when p.pm_state = 'PUBLISHED' then format('user%s', 481 + p.id % 10) end,
       case when p.pm_state = 'PUBLISHED' then p.created_at + interval '27 hours' end,
       case when p.pm_state = 'PUBLISHED' then p.creator end,
       case when p.pm_state = 'PUBLISHED' then p.created_at + interval '28 hours' end
  from (select e.*, case when row_number() over (order by e.id desc) <= 3 then 'DRAFT' else 'PUBLISHED' end as pm_state
          from emergency_src e
         where e.emergency_state = 'PUBLISHED'
         order by e.id desc
         limit 5000) p;
insert into postmortem_timeline_entry (postmortem_id, occurred_at, text, created_by, created_at)
select pm.id, pm.created_at - interval '1 day' + t * interval '20 minutes', format('Step %s of the response', t),
       pm.owner, pm.created_at
  from postmortem pm, generate_series(1, 3) t;
insert into postmortem_action_item (postmortem_id, description, owner, due_on, status, created_by, created_at,
                                    updated_at)
select pm.id, 'Add a regression test', pm.owner, (pm.created_at + interval '14 days')::date,
       case when pm.state = 'PUBLISHED' then 'DONE' else 'OPEN' end, pm.owner, pm.created_at, pm.created_at
  from postmortem pm;

-- == post-release checks: CI's four checks on every published release; rolled-back ones failed their error rate ==
insert into release_check (release_id, check_name, passed, measured_value, threshold, note, recorded_by, recorded_at)
select r.id, c.name,
       not (r.state = 'ROLLED_BACK' and c.name = 'ERROR_RATE'),
       case c.name when 'SMOKE_TESTS' then 0 when 'ERROR_RATE' then case when r.state = 'ROLLED_BACK' then 4.2 else 0.2 end
                   when 'PERFORMANCE_REGRESSION' then (r.h % 40) / 10.0 end,
       case c.name when 'SMOKE_TESTS' then 'at most 0 failed' when 'ERROR_RATE' then 'at most 1 %'
                   when 'PERFORMANCE_REGRESSION' then 'under 5 %' else 'documented' end,
       null, 'ci', r.created_at + interval '3 hours'
  from rel r,
       (values ('SMOKE_TESTS'), ('ERROR_RATE'), ('PERFORMANCE_REGRESSION'), ('ROLLBACK_PLAN')) c(name)
 where r.state in ('PUBLISHED', 'VALIDATED', 'ROLLED_BACK');

-- == rollbacks: every rolled-back release, its five steps ticked ==
insert into rollback (id, release_id, from_tag, to_tag, reason, state, started_by, started_at, completed_at)
overriding system value
select r.id, r.id, jsonb_build_array(format('pkg-%s@1.%s.1', r.h % 50, r.id)),
       jsonb_build_array(format('pkg-%s@1.%s.0', r.h % 50, r.id)), 'Error rate above the threshold', 'COMPLETED',
       format('user%s', 481 + r.id % 10), r.created_at + interval '4 hours', r.created_at + interval '6 hours'
  from rel r
 where r.state = 'ROLLED_BACK';
insert into rollback_step (rollback_id, position, step, label, skippable, state, note, done_by, done_at)
select rb.id, s.position, s.step, s.label, s.step = 'database-rollback',
       case when s.step = 'database-rollback' then 'NOT_APPLICABLE' else 'DONE' end,
       case when s.step = 'database-rollback' then 'No schema change' end, rb.started_by,
       rb.started_at + s.position * interval '20 minutes'
  from rollback rb,
       (values (1, 'identify-issue', 'Identify issue'), (2, 'stop-deployment', 'Stop deployment'),
               (3, 'revert-code', 'Revert code to the previous tag'),
               (4, 'database-rollback', 'Database rollback migrations if needed'),
               (5, 'monitor', 'Monitor stability')) s(position, step, label);

-- == ADR references: every tenth published release names a decision record ==
insert into release_adr (release_id, title, url, added_by, added_at)
select r.id, format('ADR-%s: a decision', r.id / 10), format('https://adr.example.com/%s', r.id / 10), r.creator,
       r.created_at + interval '10 minutes'
  from rel r
 where r.id % 10 = 0 and r.state in ('PUBLISHED', 'VALIDATED');

-- == audit: the releases' stories, in time order, topped up to 1,000,000 events, chained exactly as AuditLog ==
-- AuditLog.hash, version 2: SHA-256 of the RFC 8785 canonical JSON (keys sorted, no spaces, nulls written) of
-- {action, actor, after, before, entityId, entityType, hashVersion: 2, occurredAt (Instant.toString), prevHash,
-- releaseId}; the generated contents are canonical already (sorted keys, ASCII strings, no numbers).
create temporary table audit_story on commit drop as
select r.id as release_id, s.step, s.action, s.actor, s.entity_type, s.entity_id, s.before_json, s.after_json,
       date_trunc('second', r.created_at + s.step * interval '37 minutes') as occurred_at
  from rel r,
       lateral (values
           (0, 'release.created', r.creator, 'release', r.id::text, null, '{"state":"DRAFT"}'),
           (1, case r.state when 'CANCELLED' then 'release.cancelled' when 'REJECTED' then 'release.declined'
                            else 'release.submitted' end, r.creator, 'release', r.id::text, '{"state":"DRAFT"}',
            format('{"state":"%s"}', case when r.state in ('CANCELLED', 'REJECTED') then r.state else 'IN_REVIEW' end)),
           (2, 'gate.passed', 'ci', 'gate-result', r.id::text, null, '{"gate":"tests","passed":true}'),
           (3, 'gate.passed', 'ci', 'gate-result', r.id::text, null, '{"gate":"coverage","passed":true}'),
           (4, 'approval.approved', format('user%s', 301 + r.id % 80), 'approval', r.id::text, null,
            '{"decision":"APPROVED","slot":"code"}'),
           (5, 'approval.approved', format('user%s', 381 + r.id % 40), 'approval', r.id::text, null,
            '{"decision":"APPROVED","slot":"security"}'),
           (6, 'approval.approved', format('user%s', 421 + r.id % 40), 'approval', r.id::text, null,
            '{"decision":"APPROVED","slot":"product"}'),
           (7, 'release.approved', 'greenlight', 'release', r.id::text, '{"state":"IN_REVIEW"}',
            '{"state":"APPROVED"}'),
           (8, 'release.published', format('user%s', 491 + r.id % 10), 'release', r.id::text, '{"state":"APPROVED"}',
            '{"state":"PUBLISHED"}'),
           (9, case r.state when 'ROLLED_BACK' then 'release.rolled-back' else 'release.validated' end,
            case r.state when 'ROLLED_BACK' then format('user%s', 491 + r.id % 10) else 'greenlight' end, 'release',
            r.id::text, '{"state":"PUBLISHED"}', format('{"state":"%s"}', r.state))
           ) s(step, action, actor, entity_type, entity_id, before_json, after_json)
 where s.step <= case r.state
                     when 'DRAFT' then 0
                     when 'IN_REVIEW' then 1
                     when 'CANCELLED' then 1
                     when 'REJECTED' then 1
                     when 'APPROVED' then 7
                     when 'PUBLISHED' then 8
                     else 9 end;
-- top-ups: workspace updates by CI, spread over the same years, so that the log holds exactly 1,000,000 events
insert into audit_story (release_id, step, action, actor, entity_type, entity_id, before_json, after_json, occurred_at)
select null, 0, 'packages.updated', 'ci', 'workspace', 'packages', null, '{"packages":"50"}',
       date_trunc('second', (select now from bench_clock) - interval '1461 days'
                            + i * (1461 * 86400.0 / (1000001 - (select count(*) from audit_story))) * interval '1 second')
  from generate_series(1, greatest(0, 1000000 - (select count(*) from audit_story))) i;

create temporary table audit_src on commit drop as
select row_number() over (order by occurred_at, release_id, step) as k, a.*,
       '{"action":"' || a.action || '","actor":"' || a.actor || '","after":' || coalesce(a.after_json, 'null')
           || ',"before":' || coalesce(a.before_json, 'null') || ',"entityId":"' || a.entity_id
           || '","entityType":"' || a.entity_type || '","hashVersion":2,"occurredAt":"'
           || to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '","prevHash":"' as head,
       '","releaseId":' || coalesce(a.release_id::text, 'null') || '}' as tail
  from audit_story a;
delete from audit_src where k > 1000000;
create unique index on audit_src (k);
analyze audit_src;

create temporary table audit_chain on commit drop as
with recursive chain(k, prev, hash) as (
    select s.k, repeat('0', 64), encode(sha256(convert_to(s.head || repeat('0', 64) || s.tail, 'UTF8')), 'hex')
      from audit_src s
     where s.k = 1
    union all
    select s.k, c.hash, encode(sha256(convert_to(s.head || c.hash || s.tail, 'UTF8')), 'hex')
      from chain c
      join audit_src s on s.k = c.k + 1)
select * from chain;

insert into audit_event (id, occurred_at, actor, action, entity_type, entity_id, release_id, before_state,
                         after_state, prev_hash, hash, hash_version)
overriding system value
select s.k, s.occurred_at, s.actor, s.action, s.entity_type, s.entity_id, s.release_id, s.before_json::jsonb,
       s.after_json::jsonb, c.prev, c.hash, 2
  from audit_src s
  join audit_chain c on c.k = s.k
 order by s.k;

-- == indexes dropped above, built once ==
do $$
declare
    idx record;
begin
    for idx in select indexdef from deferred_index loop
        execute idx.indexdef;
    end loop;
end;
$$;

-- == derived tables that triggers keep (off while generating) ==
insert into release_state_count (state, releases)
select state, count(*) from release group by state;

-- == identities continue after the generated ids ==
do $$
declare
    col record;
begin
    for col in select table_name, column_name
                 from information_schema.columns
                where table_schema = current_schema() and is_identity = 'YES'
    loop
        execute format('select setval(pg_get_serial_sequence(%L, %L), greatest(1, (select coalesce(max(%I), 0) from %I)))',
                       col.table_name, col.column_name, col.column_name, col.table_name);
    end loop;
end;
$$;

commit;
-- what autovacuum would have done to years-old tables: statistics, and the visibility map for index-only scans
vacuum analyze;

select 'releases' as what, count(*) from release
union all select 'release packages', count(*) from release_package
union all select 'packages', count(*) from workspace_package
union all select 'changesets', count(*) from changeset
union all select 'approvals', count(*) from approval
union all select 'gate results', count(*) from gate_result
union all select 'audit events', count(*) from audit_event
union all select 'emergency requests', count(*) from emergency_request
union all select 'incidents', count(*) from incident
union all select 'post-mortems', count(*) from postmortem
union all select 'releases in review', count(*) from release where state = 'IN_REVIEW';
