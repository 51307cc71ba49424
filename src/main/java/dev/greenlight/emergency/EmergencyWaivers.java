package dev.greenlight.emergency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.greenlight.release.RequirementWaivers;

/**
 * The gates and review slots waived for a release by an approved emergency or override: reviews and gates show them
 * as bypassed with the reason, and the release page says so for ever, stale ones as stale.
 */
@ApplicationScoped
class EmergencyWaivers implements RequirementWaivers {

    @Override
    public List<Waiver> granted(long releaseId) {
        return GrantedWaiver.forRelease(releaseId).stream().map(EmergencyWaivers::waiver).toList();
    }

    private static Waiver waiver(GrantedWaiver w) {
        return new Waiver(w.requirement, w.reason, w.waivedBy, w.waivedAt, w.contentVersion);
    }

    /** The waivers are read once for both. */
    @Override
    public Account account(long releaseId, int contentVersion) {
        List<GrantedWaiver> granted = GrantedWaiver.forRelease(releaseId);
        return new Account(RequirementWaivers.inForce(granted.stream().map(EmergencyWaivers::waiver).toList(),
                contentVersion), notices(releaseId, contentVersion, granted));
    }

    /** One query for a whole list (the reviewers' queue), not one per release. */
    @Override
    public Map<Long, List<Waiver>> granted(Collection<Long> releaseIds) {
        Map<Long, List<Waiver>> waivers = new HashMap<>();
        releaseIds.forEach(id -> waivers.put(id, new ArrayList<>()));
        if (!releaseIds.isEmpty()) {
            GrantedWaiver.<GrantedWaiver>list("releaseId in ?1 order by id", releaseIds)
                    .forEach(w -> waivers.get(w.releaseId).add(waiver(w)));
        }
        return waivers;
    }

    @Override
    public List<String> notices(long releaseId, int contentVersion) {
        return notices(releaseId, contentVersion, GrantedWaiver.forRelease(releaseId));
    }

    private static List<String> notices(long releaseId, int contentVersion, List<GrantedWaiver> all) {
        List<String> notices = new ArrayList<>();
        EmergencyRequest.liveForRelease(releaseId)
                .filter(e -> e.state == EmergencyState.APPROVED || e.state == EmergencyState.PUBLISHED)
                .ifPresent(e -> notices.add("Emergency release (" + e.criterion.label().toLowerCase()
                        + ", emergency #" + e.id + ", approved by " + e.decidedBy + "): "
                        + bypassed(all, GrantedWaiver.Source.EMERGENCY, e.id, contentVersion)));
        ReleaseOverride.forRelease(releaseId)
                .stream()
                .filter(o -> o.state == OverrideState.APPROVED && o.contentVersion == contentVersion)
                .forEach(o -> notices.add("Override #" + o.id + " requested by " + o.requestedBy + ", approved by "
                        + o.decidedBy + " (" + o.reason + "): "
                        + bypassed(all, GrantedWaiver.Source.OVERRIDE, o.id, contentVersion)));
        notices.addAll(stale(all, contentVersion));
        return notices;
    }

    private static String bypassed(List<GrantedWaiver> all, GrantedWaiver.Source source, long sourceId,
            int contentVersion) {
        List<GrantedWaiver> mine = all.stream()
                .filter(w -> w.source == source && w.sourceId == sourceId && w.contentVersion == contentVersion)
                .toList();
        if (mine.isEmpty()) {
            return "nothing bypassed.";
        }
        return "bypassed " + list(mine) + ".";
    }

    /** One sentence per emergency or override and content version whose waivers no longer hold. */
    private static List<String> stale(List<GrantedWaiver> all, int contentVersion) {
        Map<Grant, List<GrantedWaiver>> byGrant = new LinkedHashMap<>();
        all.stream()
                .filter(w -> w.contentVersion != contentVersion)
                .forEach(w -> byGrant.computeIfAbsent(new Grant(w.source, w.sourceId, w.contentVersion),
                        k -> new ArrayList<>()).add(w));
        List<String> sentences = new ArrayList<>();
        byGrant.forEach((grant, waivers) -> sentences.add("Stale: " + grant.source().name().toLowerCase() + " #"
                + grant.sourceId() + " waived " + list(waivers) + ", granted for content version "
                + grant.contentVersion() + "; the release's changesets changed since (now version " + contentVersion
                + "), so these waivers no longer count."));
        return sentences;
    }

    private record Grant(GrantedWaiver.Source source, long sourceId, int contentVersion) {
    }

    private static String list(List<GrantedWaiver> waivers) {
        return waivers.stream()
                .map(w -> EmergencyService.label(w.requirement) + " (" + w.reason + ")")
                .collect(Collectors.joining(", "));
    }
}
