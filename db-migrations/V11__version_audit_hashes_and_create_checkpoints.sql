-- Which hash an audit event carries. 1: SHA-256 over Jackson's JSON of the event, numbers as the caller wrote them
-- (jsonb rewrites some, such as 1e1 as 10, so such an event no longer verifies). 2: SHA-256 over the RFC 8785
-- canonical JSON of the event, which jsonb's rewriting leaves unchanged. Events already written keep version 1 and
-- are verified as written: history is never re-hashed. The application states the version of every new event.
alter table audit_event add column hash_version smallint not null default 1 check (hash_version in (1, 2));
alter table audit_event alter column hash_version drop default;

-- Signed checkpoints: the chain's head (event id and hash) signed with an Ed25519 key that the database does not
-- hold, so that rewriting and re-hashing the chain shows even to someone who could write every table. Each names the
-- SHA-256 of the previous checkpoint's signature, so that a removed checkpoint shows too.
create table audit_checkpoint (
    id         bigint generated always as identity primary key,
    event_id   bigint      not null unique,
    event_hash text        not null,
    signed_at  timestamptz not null,
    created_by text        not null,
    key_id     text        not null,
    previous   text        not null,
    signature  text        not null
);

create trigger audit_checkpoint_append_only
    before update or delete on audit_checkpoint
    for each row execute function refuse_change();

-- Like the audit log: the application role appends and reads, nothing else (V7's default grants gave it more).
revoke update, delete, truncate on audit_checkpoint from greenlight_app;
