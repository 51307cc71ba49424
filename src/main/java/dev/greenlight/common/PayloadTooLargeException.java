package dev.greenlight.common;

import java.util.List;

/** The request body is larger than its route accepts; none of it was parsed. */
public class PayloadTooLargeException extends DomainException {

    public PayloadTooLargeException(long maxBytes) {
        super("body: must be at most " + maxBytes + " bytes",
                List.of(new FieldError("body", "must be at most " + maxBytes + " bytes")));
    }

    @Override
    public String title() {
        return "Request too large";
    }
}
