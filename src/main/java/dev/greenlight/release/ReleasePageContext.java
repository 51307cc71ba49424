package dev.greenlight.release;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.common.FieldError;
import dev.greenlight.security.Actor;

/**
 * What every section of one release page view shares, loaded once: the release, its facts and changesets, the
 * viewer, the waivers in force, and the form that was refused, if any, to show again with its messages.
 */
public record ReleasePageContext(ReleaseView release, ReleaseFacts facts, List<ChangesetView> changesets,
        Actor viewer, Map<String, RequirementWaivers.Waiver> waived, List<String> waiverNotices, RefusedForm refused) {

    public long releaseId() {
        return release.id();
    }

    /**
     * A form of one section that was refused: which form, the values as the user sent them, and the messages to show
     * beside its fields. Other sections render their forms empty.
     */
    public record RefusedForm(String form, Map<String, String> values, List<FieldError> errors) {
        private static final RefusedForm NONE = new RefusedForm("", Map.of(), List.of());

        public static RefusedForm none() {
            return NONE;
        }

        public static RefusedForm of(String form, Map<String, String> values, List<FieldError> errors) {
            Map<String, String> sent = new HashMap<>();
            values.forEach((field, value) -> sent.put(field, value == null ? "" : value));
            return new RefusedForm(form, Map.copyOf(sent), List.copyOf(errors));
        }

        public boolean isFor(String candidate) {
            return form.equals(candidate);
        }

        /** The value the user sent in {@code field} of {@code candidate}, or "" when another form was refused. */
        public String value(String candidate, String field) {
            return isFor(candidate) ? values.getOrDefault(field, "") : "";
        }

        /** The errors of {@code candidate}, or none when another form was refused. */
        public List<FieldError> errorsOf(String candidate) {
            return isFor(candidate) ? errors : List.of();
        }
    }
}
