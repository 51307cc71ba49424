-- Waivers, leaders' emergency approvals and overrides hold for the changesets they were given for, like approvals and
-- gate results: each remembers the release's content version of that moment, and a content change makes it stale.
alter table requirement_waiver add column content_version integer;
alter table emergency_approval add column content_version integer;
alter table release_override add column content_version integer;

-- Existing rows get the version their release had when their audit event was written: one more than the content
-- changes audited before it. Without such an event, version 1: stale for a release whose content changed since.
alter table requirement_waiver disable trigger requirement_waiver_immutable;
update requirement_waiver w
   set content_version = 1 + (select count(*)
                                from audit_event c
                               where c.release_id = w.release_id
                                 and c.action = 'release.content-changed'
                                 and c.id < coalesce((select min(g.id)
                                                        from audit_event g
                                                       where g.action = 'waiver.granted'
                                                         and g.entity_type = 'waiver'
                                                         and g.entity_id = w.id::text), 0));
alter table requirement_waiver enable trigger requirement_waiver_immutable;

update emergency_approval a
   set content_version = 1 + (select count(*)
                                from audit_event c
                                join emergency_request e on e.id = a.emergency_id
                               where c.release_id = e.release_id
                                 and c.action = 'release.content-changed'
                                 and c.id < coalesce((select min(g.id)
                                                        from audit_event g
                                                       where g.action = 'emergency.leader-approved'
                                                         and g.entity_type = 'emergency'
                                                         and g.entity_id = a.emergency_id::text
                                                         and g.actor = a.approver), 0));

update release_override o
   set content_version = 1 + (select count(*)
                                from audit_event c
                               where c.release_id = o.release_id
                                 and c.action = 'release.content-changed'
                                 and c.id < coalesce((select min(g.id)
                                                        from audit_event g
                                                       where g.action = 'override.requested'
                                                         and g.entity_type = 'override'
                                                         and g.entity_id = o.id::text), 0));

alter table requirement_waiver alter column content_version set not null;
alter table emergency_approval alter column content_version set not null;
alter table release_override alter column content_version set not null;

-- The same requirement may be waived again, and a leader may approve again, for new content.
alter table requirement_waiver drop constraint requirement_waiver_release_id_requirement_key;
alter table requirement_waiver add constraint requirement_waiver_once_per_content
    unique (release_id, requirement, content_version);
alter table emergency_approval drop constraint emergency_approval_emergency_id_approver_key;
alter table emergency_approval add constraint emergency_approval_once_per_content
    unique (emergency_id, approver, content_version);

-- An override still undecided when the content changes lapses (one asked earlier cannot be approved any more); a new
-- one may be asked for the new content.
alter table release_override drop constraint release_override_state_check;
alter table release_override add constraint release_override_state_check
    check (state in ('REQUESTED', 'APPROVED', 'DENIED', 'LAPSED'));
drop index release_override_live_idx;
create unique index release_override_live_idx on release_override (release_id, content_version)
    where state in ('REQUESTED', 'APPROVED');
