package dev.greenlight.changeset;

/**
 * Input that cannot be planned, pointing at the offending field, e.g. field
 * {@code changesets[2].releases.@neuronx/nope} with problem {@code unknown package}.
 */
public class PlanningException extends RuntimeException {

    private final String field;
    private final String problem;

    public PlanningException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
