package dev.greenlight.calendar;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.release.PublishGuard;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;

/**
 * No publishing while a freeze window covers the release's packages, unless engineering leadership approved an
 * emergency for it (the existing emergency path); that passage is recorded as {@code freeze.bypassed}.
 */
@ApplicationScoped
class FreezeGuard implements PublishGuard {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final FreezeService freezes;
    private final FreezePassage passage;

    @Inject
    FreezeGuard(FreezeService freezes, FreezePassage passage) {
        this.freezes = freezes;
        this.passage = passage;
    }

    @Override
    public void check(Actor actor, ReleaseFacts release, Instant at) {
        List<FreezeService.Frozen> frozen = freezes.coveringPackages(
                release.packages().stream().map(ReleaseView.PackageChange::name).toList(), at);
        passage.passOrRefuse(actor, release.id(), frozen, "published", "published");
    }

    /** "freeze window #3 "Holiday freeze" until Mon 4 Jan 2027 08:00 Europe/Berlin". */
    static String describe(FreezeService.Frozen f) {
        return "freeze window #" + f.window().id() + " \"" + f.window().reason() + "\" ("
                + f.window().scopeText().toLowerCase() + ") until " + until(f.occurrence());
    }

    static String until(Occurrence o) {
        return LOCAL.format(o.localEnd()) + " " + o.zone().getId();
    }
}
