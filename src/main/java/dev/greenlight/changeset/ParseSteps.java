package dev.greenlight.changeset;

/**
 * Counts the characters the changeset and range parsers read (each read by a regular expression, the YAML scanner or
 * a hand-written scanner is one step), so that a test proves a parser linear by comparing the steps at 1x and 10x
 * input instead of timing it. Counting is off, and a read costs nothing extra, unless a test asks for a count.
 */
final class ParseSteps {
    private static final ThreadLocal<long[]> COUNTER = new ThreadLocal<>();

    private ParseSteps() {
    }

    /** The steps {@code parse} takes on this thread. */
    static long count(Runnable parse) {
        long[] counter = new long[1];
        COUNTER.set(counter);
        try {
            parse.run();
        } finally {
            COUNTER.remove();
        }
        return counter[0];
    }

    /** {@code text}, counting each character read while a test counts. */
    static CharSequence counted(CharSequence text) {
        long[] counter = COUNTER.get();
        return counter == null ? text : new Counted(text, counter);
    }

    /** Adds {@code steps} to the running count, for readers that are not a CharSequence. */
    static void add(int steps) {
        long[] counter = COUNTER.get();
        if (counter != null) {
            counter[0] += steps;
        }
    }

    private record Counted(CharSequence text, long[] counter) implements CharSequence {
        @Override
        public char charAt(int index) {
            counter[0]++;
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.subSequence(start, end), counter);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
