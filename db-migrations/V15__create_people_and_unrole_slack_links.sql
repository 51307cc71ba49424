-- People the identity provider vouched for with a verified token, as their latest token described them. Greenlight
-- knows who exists from here, and requests that carry no token (Slack's) take a person's roles from here.
create table person (
    username     text primary key,
    display_name text        not null,
    email        text,
    -- Greenlight role claims of that token, comma-separated
    roles        text        not null,
    verified_at  timestamptz not null
);

-- A Slack link names a person and grants nothing: the roles an admin once typed into it are gone.
alter table slack_user_link drop column roles;

-- Evidence files stream out in slices: kept uncompressed out of line, a slice reads only its own pages (most
-- evidence, zip, pdf or png, does not compress anyway). Applies to files stored from now on.
alter table evidence alter column content set storage external;
