-- The review queue asks which releases in review may still need a reviewer (ReviewCandidates): whether the reviewer
-- wrote a changeset in a release, and whether a release has a major bump, are index lookups instead of full scans.
create index changeset_author_release_idx on changeset (author, release_id);
create index release_package_major_idx on release_package (release_id) where bump = 'major';
