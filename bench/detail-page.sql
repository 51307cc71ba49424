-- The SQL the release detail page (/releases/{id}) runs, as Hibernate logs it (QUARKUS_HIBERNATE_ORM_LOG_SQL=true),
-- for pgbench: the database's ceiling for that page. Keep it in step with the page.
\set id random(1, 100000)
select r.id, r.content_version, r.created_at, r.created_by, r.deployed_at, r.manifests, r.merged_at, r.pre_release, r.published_at, r.published_by, r.state, r.state_reason, r.tags, r.title, r.updated_at, r.version from release r where r.id = :id;
select p.release_id, p.position, p.package_name, p.old_version, p.new_version, p.bump, p.changelog from release_package p where p.release_id = :id;
select c.id, c.author, c.created_at, c.release_id, c.slug, c.source, c.summary from changeset c where c.release_id = :id order by c.created_at, c.id;
select b.changeset_id, b.position, b.package_name, b.bump from changeset_bump b where b.changeset_id = any (array[2 * :id, 2 * :id + 1]);
select a.id, a.approver, a.comment, a.content_version, a.decided_at, a.decision, a.release_id, a.slot, a.stale_at from approval a where a.release_id = :id and a.stale_at is null order by a.id;
select w.id, w.reason, w.release_id, w.requirement, w.source, w.source_id, w.waived_at, w.waived_by from requirement_waiver w where w.release_id = :id order by w.id;
select c.id, c.author, c.created_at, c.release_id, c.slug, c.source, c.summary from changeset c where c.id in (select rc.changeset_id from release_changeset rc where rc.release_id = :id) order by c.created_at, c.id;
select g.id, g.content_version, g.evidence_id, g.gate, g.measured, g.note, g.passed, g.recorded_at, g.recorded_by, g.release_id, g.threshold from gate_result g where g.release_id = :id order by g.id desc;
select e.id, e.content_type, e.file_name, e.kind, e.recorded_at, e.recorded_by, e.release_id, e.sha256, e.size_bytes, e.url from evidence e where e.id in (:id);
select w.id, w.reason, w.release_id, w.requirement, w.source, w.source_id, w.waived_at, w.waived_by from requirement_waiver w where w.release_id = :id order by w.id;
select e.* from emergency_request e where e.release_id = :id order by e.id;
select a.id, a.approver, a.comment, a.content_version, a.decided_at, a.decision, a.release_id, a.slot, a.stale_at from approval a where a.release_id = :id and a.stale_at is null order by a.id;
select w.id, w.reason, w.release_id, w.requirement, w.source, w.source_id, w.waived_at, w.waived_by from requirement_waiver w where w.release_id = :id order by w.id;
select g.id, g.content_version, g.evidence_id, g.gate, g.measured, g.note, g.passed, g.recorded_at, g.recorded_by, g.release_id, g.threshold from gate_result g where g.release_id = :id order by g.id desc;
select e.id, e.content_type, e.file_name, e.kind, e.recorded_at, e.recorded_by, e.release_id, e.sha256, e.size_bytes, e.url from evidence e where e.id in (:id);
select w.id, w.reason, w.release_id, w.requirement, w.source, w.source_id, w.waived_at, w.waived_by from requirement_waiver w where w.release_id = :id order by w.id;
select e.id, e.action, e.actor, e.after_state, e.before_state, e.entity_id, e.entity_type, e.hash, e.occurred_at, e.prev_hash, e.release_id from audit_event e where e.release_id = :id order by e.id;
select w.id, w.reason, w.release_id, w.requirement, w.source, w.source_id, w.waived_at, w.waived_by from requirement_waiver w where w.release_id = :id order by w.id;
select e.* from emergency_request e where e.release_id = :id order by e.id;
select o.* from release_override o where o.release_id = :id order by o.id;
