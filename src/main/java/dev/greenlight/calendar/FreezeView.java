package dev.greenlight.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** A freeze window as pages, the API and the feed show it. */
public record FreezeView(long id, String reason, LocalDateTime start, LocalDateTime end, String timeZone,
        String recurrence, FreezeScope scope, List<String> targets, String createdBy, Instant createdAt,
        String updatedBy, Instant updatedAt) {

    static FreezeView of(FreezeWindow w) {
        return new FreezeView(w.id, w.reason, w.startsAt, w.endsAt, w.timeZone, w.recurrence, w.scope,
                List.copyOf(w.targets), w.createdBy, w.createdAt, w.updatedBy, w.updatedAt);
    }

    /** "Everything", or the scope and its names: "Packages: @neuronx/core, @neuronx/sdk". */
    public String scopeText() {
        return scope == FreezeScope.ALL ? scope.label() : scope.label() + ": " + String.join(", ", targets);
    }
}
