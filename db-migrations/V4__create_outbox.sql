-- Slack notifications through a transactional outbox: a row is written in the same transaction as the change it
-- reports; a relay delivers it later, at least once, in order per subject (ordering_key), paced per channel.
create table outbox_message (
    id                  bigint generated always as identity primary key,
    -- what happened, e.g. release.submitted; picks the channel and the template
    event_type          text        not null,
    -- messages with the same key are delivered in id order (e.g. release:12)
    ordering_key        text        not null,
    release_id          bigint,
    -- POST a new message, or UPDATE the subject's first message (chat.update)
    kind                text        not null check (kind in ('POST', 'UPDATE')),
    channel             text        not null,
    -- {"text": fallback, "blocks": [Block Kit]}, rendered from a template when enqueued
    payload             jsonb       not null,
    status              text        not null check (status in ('PENDING', 'SENT', 'DEAD', 'NOT_CONFIGURED',
                                                              'SKIPPED')),
    -- a producer's key that makes enqueueing idempotent (e.g. post-mortem:7:overdue:2)
    dedupe_key          text unique,
    attempts            int         not null default 0,
    -- 429 answers: they wait as Slack asks and use no attempt
    rate_limited        int         not null default 0,
    -- sends whose outcome was unknown (timeout, lease taken over): Slack may show the message twice
    possible_duplicates int         not null default 0,
    next_attempt_at     timestamptz not null,
    -- a relay holds the row while it sends; an expired lease is taken over by another relay
    leased_by           text,
    lease_until         timestamptz,
    last_error          text,
    slack_ts            text,
    created_at          timestamptz not null,
    sent_at             timestamptz,
    updated_at          timestamptz not null
);
create index outbox_message_pending_idx on outbox_message (channel, id) where status = 'PENDING';
create index outbox_message_order_idx on outbox_message (ordering_key, id) where status = 'PENDING';
create index outbox_message_status_idx on outbox_message (status, id desc);

-- Pacing per channel, shared by every relay: one message in flight, then a pause.
create table slack_channel (
    channel      text primary key,
    next_send_at timestamptz not null,
    busy_until   timestamptz
);

-- The first message posted about a subject (a release): later state changes update it with chat.update.
create table slack_thread (
    subject_key text primary key,
    channel     text   not null,
    outbox_id   bigint not null references outbox_message (id),
    ts          text
);

-- Which Greenlight user a Slack user is, by Slack user id or by the e-mail Slack knows.
create table slack_user_link (
    id            bigint generated always as identity primary key,
    slack_user_id text unique,
    email         text,
    username      text        not null,
    -- Greenlight roles (claim values, comma-separated): Slack requests carry no token to read them from
    roles         text        not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    check (slack_user_id is not null or email is not null)
);
create unique index slack_user_link_email_idx on slack_user_link (lower(email));

-- Signatures of interaction requests already accepted, kept for the replay window.
create table slack_request_seen (
    signature text primary key,
    seen_at   timestamptz not null
);
create index slack_request_seen_time_idx on slack_request_seen (seen_at);
