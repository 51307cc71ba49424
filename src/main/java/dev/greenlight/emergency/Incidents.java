package dev.greenlight.emergency;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** What other features may know of an incident without reading its table: that it exists, and its name. */
@ApplicationScoped
public class Incidents {

    /** "SEV2 · Checkout errors after 1.5.0", or empty when there is no such incident. */
    public Optional<String> describe(long id) {
        return Incident.<Incident>findByIdOptional(id).map(i -> i.severity.name() + " · " + i.title);
    }
}
