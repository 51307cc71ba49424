package dev.greenlight.common;

import java.util.List;

/** No such thing. */
public class ResourceNotFoundException extends DomainException {

    public ResourceNotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist", List.of());
    }

    @Override
    public String title() {
        return "Not found";
    }
}
