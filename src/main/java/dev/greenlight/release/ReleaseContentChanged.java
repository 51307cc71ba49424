package dev.greenlight.release;

/** Changesets were added to or removed from an open release: earlier approvals and gate results no longer apply. */
public record ReleaseContentChanged(long releaseId, int contentVersion, String actor) {
}
