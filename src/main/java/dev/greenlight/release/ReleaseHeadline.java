package dev.greenlight.release;

/** What a list needs to name a release: its title and where it stands. */
public record ReleaseHeadline(long id, String title, ReleaseState state) {
}
