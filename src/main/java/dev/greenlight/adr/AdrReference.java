package dev.greenlight.adr;

import java.time.Instant;

/** An architecture decision record a release refers to, as pages, the API and exports show it. */
public record AdrReference(long id, long releaseId, String title, String url, String addedBy, Instant addedAt) {
    static AdrReference of(ReleaseAdr adr) {
        return new AdrReference(adr.id, adr.releaseId, adr.title, adr.url, adr.addedBy, adr.addedAt);
    }
}
