#!/usr/bin/env bash
# Runs once, when PostgreSQL's data volume is new (docker-entrypoint-initdb.d), as the owner POSTGRES_USER.
# Creates the login Greenlight runs as: a member of greenlight_app and nothing more. greenlight_app is created here
# with the same definition Flyway's V7 gives it (V7 leaves an existing one alone), so that the login can join it
# before the first migration.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_password="$GREENLIGHT_DB_PASSWORD" <<'SQL'
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'greenlight_app') then
        create role greenlight_app nologin;
    end if;
end
$$;
create role greenlight login password :'app_password' in role greenlight_app;
SQL
