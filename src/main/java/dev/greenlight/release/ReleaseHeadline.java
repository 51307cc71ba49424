package dev.greenlight.release;

/** What a list needs to name a release: its title, where it stands and which content version it holds. */
public record ReleaseHeadline(long id, String title, ReleaseState state, int contentVersion) {
}
