package dev.greenlight.web;

import java.util.List;

/** 404: no such thing. */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist", List.of());
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
