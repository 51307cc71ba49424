package dev.greenlight.rollback;

import java.util.List;

/**
 * The order rules of a rollback's checklist, without a database: steps are resolved one after the other, each only
 * once every earlier step is done or (when the policy allows skipping it) marked not applicable; a resolved step stays
 * resolved; the checklist is complete when every step is resolved.
 */
record Checklist(List<Item> items) {

    /** One step as the rules see it. */
    record Item(String step, String label, boolean skippable, StepState state, String doneBy) {
    }

    Checklist {
        items = List.copyOf(items);
    }

    /** Null when the step at {@code index} may be done now, else why not. */
    String whyNotDo(int index) {
        Item item = items.get(index);
        if (item.state().isResolved()) {
            return "Step \"" + item.label() + "\" was already "
                    + (item.state() == StepState.DONE ? "ticked" : "marked not applicable") + " by " + item.doneBy()
                    + "; ticked steps cannot be unticked.";
        }
        for (int earlier = 0; earlier < index; earlier++) {
            Item before = items.get(earlier);
            if (!before.state().isResolved()) {
                return "Step \"" + before.label() + "\" comes first"
                        + (before.skippable() ? " (tick it, or mark it not applicable)." : ".");
            }
        }
        return null;
    }

    /** Null when the step at {@code index} may be marked not applicable now, else why not. */
    String whyNotSkip(int index) {
        Item item = items.get(index);
        if (!item.skippable() && !item.state().isResolved()) {
            return "Step \"" + item.label() + "\" cannot be skipped; the policy requires it.";
        }
        return whyNotDo(index);
    }

    /** The first step still open, or -1 when every step is resolved. */
    int next() {
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).state().isResolved()) {
                return i;
            }
        }
        return -1;
    }

    boolean isComplete() { return next() < 0; }
}
