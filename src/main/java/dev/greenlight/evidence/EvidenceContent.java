package dev.greenlight.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of an evidence file on their way in: read as a stream, as often as storing needs (once to hash, once to
 * write), never held whole. An upload stays in the temporary file the HTTP layer wrote it to.
 */
public interface EvidenceContent {

    long size() throws IOException;

    InputStream open() throws IOException;

    static EvidenceContent of(Path file) {
        return new EvidenceContent() {
            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    /** Small content already in memory: fixtures, demo data. */
    static EvidenceContent of(byte[] bytes) {
        return new EvidenceContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }
}
