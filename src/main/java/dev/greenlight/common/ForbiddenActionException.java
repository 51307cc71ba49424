package dev.greenlight.common;

import java.util.List;

/** The actor may not do this; the message says who may instead. */
public class ForbiddenActionException extends DomainException {

    public ForbiddenActionException(String message) {
        super(message, List.of());
    }

    @Override
    public String title() {
        return "Not allowed";
    }
}
