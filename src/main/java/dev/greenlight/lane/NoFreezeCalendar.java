package dev.greenlight.lane;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** No freeze windows: stands in until a change calendar provides a {@link FreezeCalendar} bean. */
@DefaultBean
@ApplicationScoped
class NoFreezeCalendar implements FreezeCalendar {

    @Override
    public Optional<String> covers(Collection<String> packages, Instant at) {
        return Optional.empty();
    }
}
