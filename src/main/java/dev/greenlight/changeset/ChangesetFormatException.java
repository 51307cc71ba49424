package dev.greenlight.changeset;

/**
 * A changeset file that @changesets/parse would reject.
 */
public class ChangesetFormatException extends RuntimeException {

    private final String fileName;
    private final int line;
    private final String problem;

    public ChangesetFormatException(String fileName, int line, String problem) {
        super(fileName + ":" + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line in the file where the problem is. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
