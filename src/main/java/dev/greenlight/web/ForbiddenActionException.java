package dev.greenlight.web;

import java.util.List;

/** 403: the actor may not do this; the message says who may instead. */
public class ForbiddenActionException extends ProblemException {

    public ForbiddenActionException(String message) {
        super(message, List.of());
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Not allowed";
    }
}
