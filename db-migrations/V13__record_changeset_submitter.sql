-- A changeset's author is the person who wrote it, whom the segregation-of-duties rules apply to; submitted_by is
-- who sent it to Greenlight: the same person, or the CI client that submitted it on the author's behalf.
alter table changeset add column submitted_by text;
-- Until now the submitter was recorded as the author (CI's changesets as "ci"): history keeps that.
update changeset set submitted_by = author;
alter table changeset alter column submitted_by set not null;
