-- The standard-change lane approves every open slot of a release as one system actor: one approval per slot for it,
-- while a person still fills at most one slot of a release.
drop index approval_one_per_person_idx;
create unique index approval_one_per_person_idx on approval (release_id, approver)
    where stale_at is null and decision = 'APPROVED' and approver <> 'standard-change';
create unique index approval_standard_change_idx on approval (release_id, slot)
    where stale_at is null and decision = 'APPROVED' and approver = 'standard-change';

-- A delegate approves in their own name; the reviewer they stood in for is kept beside it.
alter table approval add column on_behalf_of text;

-- A reviewer hands their review slots (one role) to another person of that role for a range of days.
create table review_delegation (
    id          bigint generated always as identity primary key,
    delegator   text        not null,
    delegate    text        not null,
    role        text        not null,
    starts_on   date        not null,
    ends_on     date        not null,
    reason      text,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    revoked_by  text,
    check (delegator <> delegate),
    check (ends_on >= starts_on)
);
create index review_delegation_delegator_idx on review_delegation (delegator, ends_on) where revoked_at is null;
create index review_delegation_delegate_idx on review_delegation (delegate, ends_on) where revoked_at is null;
