package dev.greenlight.web;

import java.util.List;

/** 413: the request body is larger than its route accepts; none of it was parsed. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long maxBytes) {
        super("body: must be at most " + maxBytes + " bytes",
                List.of(new FieldError("body", "must be at most " + maxBytes + " bytes")));
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String title() {
        return "Request too large";
    }
}
