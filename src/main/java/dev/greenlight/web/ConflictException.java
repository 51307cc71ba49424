package dev.greenlight.web;

import java.util.List;

/** 409: the request is valid but the current state does not allow it. */
public class ConflictException extends ProblemException {

    public ConflictException(String message) {
        super(message, List.of());
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
