package dev.greenlight.adr;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.Inputs;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.Actor;

/**
 * The policy's "ADR References": releases link the architecture decision records behind them. Links are only added,
 * never edited or removed, each one audited, so that the record of what a release relied on stays complete.
 */
@ApplicationScoped
public class AdrService {
    private final ReleaseService releases;
    private final AuditLog audit;
    private final Inputs inputs;
    private final Clock clock;

    @Inject
    AdrService(ReleaseService releases, AuditLog audit, Inputs inputs, Clock clock) {
        this.releases = releases;
        this.audit = audit;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** The release's ADR references, oldest first. */
    public List<AdrReference> of(long releaseId) {
        return ReleaseAdr.ofRelease(releaseId).stream().map(AdrReference::of).toList();
    }

    @Transactional
    public AdrReference add(Actor actor, long releaseId, AdrInput input) {
        ReleaseFacts release = releases.lockFacts(releaseId);
        AdrPermissions.add(actor, release.createdBy()).orThrow();
        inputs.check(input);
        ReleaseAdr adr = new ReleaseAdr();
        adr.releaseId = releaseId;
        adr.title = input.title().strip();
        adr.url = input.url().strip();
        adr.addedBy = actor.username();
        adr.addedAt = clock.instant();
        adr.persist();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", adr.title);
        after.put("url", adr.url);
        audit.record(actor, new AuditLog.Change("adr.added", "release-adr", adr.id, releaseId, null, after));
        return AdrReference.of(adr);
    }
}
