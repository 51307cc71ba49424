package dev.greenlight.gate;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.policy.ReleasePolicy;
import dev.greenlight.security.Actor;
import dev.greenlight.web.InvalidInputException;
import dev.greenlight.web.ResourceNotFoundException;

/**
 * Evidence behind gate results and post-release checks: a link, or a file kept with its SHA-256. One store, so that
 * every kind of evidence has the same limits, hashing, audit and download rules.
 */
@ApplicationScoped
public class EvidenceStore {
    static final int MAX_URL = 2000;

    private final ReleasePolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    EvidenceStore(ReleasePolicy policy, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Validates and keeps the evidence, audited in the caller's transaction; invalid input stores nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateStatus.EvidenceView store(Actor actor, long releaseId, GateService.EvidenceInput input) {
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
            evidence.sha256 = sha256(evidence.url.getBytes(StandardCharsets.UTF_8));
        } else {
            if (input.content().length == 0) {
                throw new InvalidInputException("evidence.file", "the file is empty");
            }
            if (input.content().length > policy.evidence().maxBytes()) {
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
            evidence.contentType = type;
            evidence.sizeBytes = (long) input.content().length;
            evidence.content = input.content();
            evidence.sha256 = sha256(input.content());
        }
        evidence.persistAndFlush();
        audit.record(actor, new AuditLog.Change("evidence.recorded", "evidence", evidence.id, releaseId, null,
                Map.of("kind", evidence.kind.name(), "sha256", evidence.sha256,
                        "name", evidence.kind == Evidence.Kind.LINK ? evidence.url : evidence.fileName)));
        return view(evidence);
    }

    /**
     * The release's evidence with these ids, without content, in one query. It reads by release, a scalar parameter,
     * and keeps the ids asked for: Hibernate translates a query with a list parameter again on every call.
     */
    public Map<Long, GateStatus.EvidenceView> views(long releaseId, Collection<Long> ids) {
        Map<Long, GateStatus.EvidenceView> views = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            Set<Long> wanted = Set.copyOf(ids);
            Evidence.<Evidence>list("releaseId = ?1 order by id", releaseId)
                    .stream()
                    .filter(e -> wanted.contains(e.id))
                    .forEach(e -> views.put(e.id, view(e)));
        }
        return views;
    }

    /** The file as an attachment; with a release id, only that release's evidence. */
    public Response downloadResponse(Long releaseId, long evidenceId) {
        return EvidenceDownloads.response(download(releaseId, evidenceId));
    }

    /** An evidence file with its content; with a release id, only that release's evidence. */
    public GateService.EvidenceFile download(Long releaseId, long evidenceId) {
        Evidence evidence = Evidence.<Evidence>findByIdOptional(evidenceId)
                .filter(e -> e.kind == Evidence.Kind.FILE)
                .filter(e -> releaseId == null || e.releaseId == releaseId)
                .orElseThrow(() -> new ResourceNotFoundException("Evidence file", evidenceId));
        return new GateService.EvidenceFile(evidence.fileName, evidence.contentType, evidence.sha256,
                evidence.content);
    }

    private String validLink(String url) {
        if (url.length() > MAX_URL) {
            throw new InvalidInputException("evidence.url", "must be at most " + MAX_URL + " characters");
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

    private static GateStatus.EvidenceView view(Evidence e) {
        return new GateStatus.EvidenceView(e.id, e.kind.name().toLowerCase(), e.url, e.fileName, e.contentType,
                e.sizeBytes, e.sha256);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
