package dev.greenlight.changeset;

import jakarta.validation.constraints.Size;

import dev.greenlight.common.Limits;

/**
 * A changeset pasted into the changesets page; both fields may be empty when files are uploaded instead. The pasted
 * file's size is the service's rule (bytes, shared with uploads and the API).
 */
record ChangesetForm(
        @Size(max = Limits.MAX_FILE_NAME_CHARS, message = "must be at most {max} characters") String fileName,
        String content) {

    boolean pasted() {
        return content != null && !content.isBlank();
    }
}
