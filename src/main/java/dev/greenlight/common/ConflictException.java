package dev.greenlight.common;

import java.util.List;

/** The request is valid but the current state does not allow it. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message, List.of());
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
