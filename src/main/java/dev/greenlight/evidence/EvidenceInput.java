package dev.greenlight.evidence;

import java.nio.file.Path;

import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A link or a file offered as evidence for a gate result or a post-release check. */
public record EvidenceInput(String url, String fileName, String contentType, EvidenceContent content) {
    public static EvidenceInput link(String url) {
        return new EvidenceInput(url, null, null, null);
    }

    public static EvidenceInput file(String fileName, String contentType, byte[] content) {
        return new EvidenceInput(null, fileName, contentType, EvidenceContent.of(content));
    }

    /** An uploaded file, streamed from where the upload was written. */
    public static EvidenceInput file(String fileName, String contentType, Path content) {
        return new EvidenceInput(null, fileName, contentType, EvidenceContent.of(content));
    }

    /** What a form sent: an uploaded file that has bytes, else a link, or null for neither. */
    public static EvidenceInput fromForm(String url, FileUpload file) {
        if (file != null && file.fileName() != null && !file.fileName().isBlank() && file.size() > 0) {
            return file(file.fileName(), file.contentType(), file.filePath());
        }
        if (url != null && !url.isBlank()) {
            return link(url);
        }
        return null;
    }

    /**
     * The form field beside which a refusal of the evidence shows: the link's for {@code evidence.url}, the file's for
     * the rest of the evidence; other fields are their own.
     */
    public static String formField(String field) {
        if (field.equals("evidence.url")) {
            return "url";
        }
        return field.equals("evidence") || field.startsWith("evidence.") ? "file" : field;
    }
}
