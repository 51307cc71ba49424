package dev.greenlight.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.hibernate.Session;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.policy.ReleasePolicy;
import dev.greenlight.security.Actor;

import javax.sql.DataSource;

/**
 * Evidence behind gate results and post-release checks: a link, or a file kept with its SHA-256. One store, so that
 * every kind of evidence has the same limits, hashing, audit and download rules.
 */
@ApplicationScoped
public class EvidenceStore {
    /** Bytes of an evidence file read from the database at a time while it streams out. */
    static final int SLICE = 1024 * 1024;

    private final ReleasePolicy policy;
    private final AuditLog audit;
    private final EntityManager em;
    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    EvidenceStore(ReleasePolicy policy, AuditLog audit, EntityManager em, DataSource dataSource, Clock clock) {
        this.policy = policy;
        this.audit = audit;
        this.em = em;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Validates and keeps the evidence, audited in the caller's transaction; invalid input stores nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvidenceView store(Actor actor, long releaseId, EvidenceInput input) {
        Evidence evidence = new Evidence();
        evidence.releaseId = releaseId;
        evidence.recordedBy = actor.username();
        evidence.recordedAt = clock.instant();
        boolean hasUrl = input.url() != null && !input.url().isBlank();
        boolean hasFile = input.content() != null;
        if (hasUrl == hasFile) {
            throw new InvalidInputException("evidence", "attach either a link or a file");
        }
        if (hasUrl) {
            evidence.kind = Evidence.Kind.LINK;
            evidence.url = validLink(input.url().strip());
            evidence.sha256 = sha256(EvidenceContent.of(evidence.url.getBytes(StandardCharsets.UTF_8)));
            evidence.persistAndFlush();
        } else {
            long size = sizeOf(input.content());
            if (size == 0) {
                throw new InvalidInputException("evidence.file", "the file is empty");
            }
            if (size > policy.evidence().maxBytes()) {
                throw new InvalidInputException("evidence.file", "is larger than the limit of "
                        + policy.evidence().maxBytes() + " bytes");
            }
            String type = input.contentType() == null
                    ? ""
                    : input.contentType().split(";")[0].strip()
                            .toLowerCase(Locale.ROOT);
            if (!policy.evidence().contentTypes().contains(type)) {
                throw new InvalidInputException("evidence.contentType", "files of type " + (type.isEmpty()
                        ? "unknown"
                        : type) + " are not accepted; accepted: "
                        + String.join(", ", policy.evidence().contentTypes()));
            }
            evidence.kind = Evidence.Kind.FILE;
            evidence.fileName = input.fileName() == null || input.fileName().isBlank()
                    ? "evidence"
                    : input.fileName().strip();
            if (evidence.fileName.length() > Limits.EVIDENCE_FILE_NAME_CHARS) {
                throw new InvalidInputException("evidence.fileName",
                        "must be at most " + Limits.EVIDENCE_FILE_NAME_CHARS
                                + " characters");
            }
            evidence.contentType = type;
            evidence.sizeBytes = size;
            evidence.sha256 = sha256(input.content());
            evidence.id = insertFile(evidence, input.content());
        }
        audit.record(actor, new AuditLog.Change("evidence.recorded", "evidence", evidence.id, releaseId, null,
                Map.of("kind", evidence.kind.name(), "sha256", evidence.sha256,
                        "name", evidence.kind == Evidence.Kind.LINK ? evidence.url : evidence.fileName)));
        return view(evidence);
    }

    /**
     * The release's evidence with these ids, without content, in one query. It reads by release, a scalar parameter,
     * and keeps the ids asked for: Hibernate translates a query with a list parameter again on every call.
     */
    public Map<Long, EvidenceView> views(long releaseId, Collection<Long> ids) {
        Map<Long, EvidenceView> views = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            Set<Long> wanted = Set.copyOf(ids);
            Evidence.<Evidence>list("releaseId = ?1 order by id", releaseId)
                    .stream()
                    .filter(e -> wanted.contains(e.id))
                    .forEach(e -> views.put(e.id, view(e)));
        }
        return views;
    }

    /** The file as an attachment, streamed; with a release id, only that release's evidence. */
    public Response downloadResponse(Long releaseId, long evidenceId) {
        EvidenceFile file = download(releaseId, evidenceId);
        return EvidenceDownloads.response(file, out -> {
            try (InputStream in = open(file)) {
                in.transferTo(out);
            }
        });
    }

    /** An evidence file's facts; with a release id, only that release's evidence. Its bytes: {@link #open}. */
    @Transactional
    public EvidenceFile download(Long releaseId, long evidenceId) {
        Evidence evidence = Evidence.<Evidence>findByIdOptional(evidenceId)
                .filter(e -> e.kind == Evidence.Kind.FILE)
                .filter(e -> releaseId == null || e.releaseId == releaseId)
                .orElseThrow(() -> new ResourceNotFoundException("Evidence file", evidenceId));
        return new EvidenceFile(evidence.id, evidence.fileName, evidence.contentType, evidence.sha256,
                evidence.sizeBytes);
    }

    /**
     * The file's bytes, read from the database one slice ({@link #SLICE} bytes) at a time, each on a connection of its
     * own: memory stays at one slice however large the file, and no connection is held while a slow client reads.
     * Evidence never changes, so the slices always belong to the same file.
     */
    public InputStream open(EvidenceFile file) {
        return new SliceStream(file.id(), file.size());
    }

    private final class SliceStream extends InputStream {
        private final long id;
        private final long size;
        private long read;
        private byte[] slice = new byte[0];
        private int at;

        SliceStream(long id, long size) {
            this.id = id;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            return filled() ? slice[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!filled()) {
                return -1;
            }
            int n = Math.min(length, slice.length - at);
            System.arraycopy(slice, at, buffer, offset, n);
            at += n;
            return n;
        }

        /** Whether bytes are left in the slice, reading the next slice when this one is used up. */
        private boolean filled() throws IOException {
            if (at == slice.length) {
                if (read == size) {
                    return false;
                }
                slice = slice(id, read, (int) Math.min(SLICE, size - read));
                read += slice.length;
                at = 0;
            }
            return true;
        }
    }

    private byte[] slice(long id, long from, int length) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select substring(content from ? for ?) from evidence where id = ? and kind = 'FILE'")) {
            select.setInt(1, Math.toIntExact(from + 1));
            select.setInt(2, length);
            select.setLong(3, id);
            try (ResultSet rs = select.executeQuery()) {
                byte[] bytes = rs.next() ? rs.getBytes(1) : null;
                if (bytes == null || bytes.length != length) {
                    throw new IOException("Evidence file " + id + " ended before its recorded size");
                }
                return bytes;
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read evidence file " + id + ": " + e.getMessage(), e);
        }
    }

    /** Writes the file's row with its bytes streamed from the content, in the caller's transaction. */
    private long insertFile(Evidence evidence, EvidenceContent content) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into evidence (release_id, kind,"
                    + " file_name, content_type, size_bytes, sha256, content, recorded_by, recorded_at)"
                    + " values (?, 'FILE', ?, ?, ?, ?, ?, ?, ?) returning id");
                    InputStream in = content.open()) {
                insert.setLong(1, evidence.releaseId);
                insert.setString(2, evidence.fileName);
                insert.setString(3, evidence.contentType);
                insert.setLong(4, evidence.sizeBytes);
                insert.setString(5, evidence.sha256);
                insert.setBinaryStream(6, in, evidence.sizeBytes);
                insert.setString(7, evidence.recordedBy);
                insert.setObject(8, evidence.recordedAt.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (IOException e) {
                throw new InvalidInputException("evidence.file", "the upload could not be read");
            }
        });
    }

    private static long sizeOf(EvidenceContent content) {
        try {
            return content.size();
        } catch (IOException e) {
            throw new InvalidInputException("evidence.file", "the upload could not be read");
        }
    }

    private String validLink(String url) {
        if (url.length() > Limits.URL_CHARS) {
            throw new InvalidInputException("evidence.url", "must be at most " + Limits.URL_CHARS + " characters");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !policy.evidence().linkSchemes().contains(uri.getScheme().toLowerCase())
                    || uri.getHost() == null) {
                throw new InvalidInputException("evidence.url", "must be an absolute "
                        + String.join(" or ", policy.evidence().linkSchemes()) + " link");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("evidence.url", "is not a valid link: " + e.getReason());
        }
    }

    private static EvidenceView view(Evidence e) {
        return new EvidenceView(e.id, e.kind.name().toLowerCase(), e.url, e.fileName, e.contentType,
                e.sizeBytes, e.sha256);
    }

    private static String sha256(EvidenceContent content) {
        try (InputStream in = content.open()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new InvalidInputException("evidence.file", "the upload could not be read");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
