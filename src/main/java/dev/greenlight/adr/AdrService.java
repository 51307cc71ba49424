package dev.greenlight.adr;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;
import dev.greenlight.web.FieldError;
import dev.greenlight.web.ForbiddenActionException;
import dev.greenlight.web.InvalidInputException;

/**
 * The policy's "ADR References": releases link the architecture decision records behind them. Links are only added,
 * never edited or removed, each one audited, so that the record of what a release relied on stays complete.
 */
@ApplicationScoped
@Named("adrs")
public class AdrService {
    static final int MAX_TITLE = 200;
    static final int MAX_URL = 2000;
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final ReleaseService releases;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    AdrService(ReleaseService releases, AuditLog audit, Clock clock) {
        this.releases = releases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The release's ADR references, oldest first; for the release page ({@code inject:adrs.of(id)}). */
    public List<AdrReference> of(long releaseId) {
        return ReleaseAdr.ofRelease(releaseId).stream().map(AdrReference::of).toList();
    }

    /** Whether the actor may add references to the release: its author or a maintainer. */
    public boolean mayAdd(Actor actor, String releaseAuthor) {
        return actor.has(Role.MAINTAINER) || (actor.has(Role.AUTHOR) && actor.username().equals(releaseAuthor));
    }

    @Transactional
    public AdrReference add(Actor actor, long releaseId, String title, String url) {
        ReleaseFacts release = releases.lockFacts(releaseId);
        if (!mayAdd(actor, release.createdBy())) {
            throw new ForbiddenActionException("Only the release's author (" + release.createdBy()
                    + ") or a maintainer may add ADR references.");
        }
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            errors.add(new FieldError("title", "must not be blank"));
        } else if (cleanTitle.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        }
        String cleanUrl = url == null ? "" : url.strip();
        String urlProblem = urlProblem(cleanUrl);
        if (urlProblem != null) {
            errors.add(new FieldError("url", urlProblem));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReleaseAdr adr = new ReleaseAdr();
        adr.releaseId = releaseId;
        adr.title = cleanTitle;
        adr.url = cleanUrl;
        adr.addedBy = actor.username();
        adr.addedAt = clock.instant();
        adr.persist();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", adr.title);
        after.put("url", adr.url);
        audit.record(actor, new AuditLog.Change("adr.added", "release-adr", adr.id, releaseId, null, after));
        return AdrReference.of(adr);
    }

    /** Null when the link is an absolute http(s) URL with a host; links end up in pages and exports. */
    private static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "must not be blank";
        }
        if (url.length() > MAX_URL) {
            return "must be at most " + MAX_URL + " characters";
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase())
                    || uri.getHost() == null) {
                return "must be an http or https link such as https://adr.example.com/0042";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid link";
        }
    }
}
