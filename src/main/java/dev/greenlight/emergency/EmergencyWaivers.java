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
 * as bypassed with the reason, and the release page says so for ever.
 */
@ApplicationScoped
class EmergencyWaivers implements RequirementWaivers {

    @Override
    public Map<String, Waiver> waivers(long releaseId) {
        return byRequirement(GrantedWaiver.forRelease(releaseId));
    }

    private static Map<String, Waiver> byRequirement(List<GrantedWaiver> granted) {
        Map<String, Waiver> waivers = new LinkedHashMap<>();
        for (GrantedWaiver w : granted) {
            waivers.put(w.requirement, waiver(w));
        }
        return waivers;
    }

    private static Waiver waiver(GrantedWaiver w) {
        return new Waiver(w.requirement, w.reason, w.waivedBy, w.waivedAt);
    }

    /** The waivers are read once for both. */
    @Override
    public Account account(long releaseId) {
        List<GrantedWaiver> granted = GrantedWaiver.forRelease(releaseId);
        return new Account(byRequirement(granted), notices(releaseId, granted));
    }

    /** One query for a whole list (the reviewers' queue), not one per release. */
    @Override
    public Map<Long, Map<String, Waiver>> waivers(Collection<Long> releaseIds) {
        Map<Long, Map<String, Waiver>> waivers = new HashMap<>();
        releaseIds.forEach(id -> waivers.put(id, new LinkedHashMap<>()));
        if (!releaseIds.isEmpty()) {
            GrantedWaiver.<GrantedWaiver>list("releaseId in ?1 order by id", releaseIds)
                    .forEach(w -> waivers.get(w.releaseId)
                            .put(w.requirement, waiver(w)));
        }
        return waivers;
    }

    @Override
    public List<String> notices(long releaseId) {
        return notices(releaseId, GrantedWaiver.forRelease(releaseId));
    }

    private static List<String> notices(long releaseId, List<GrantedWaiver> all) {
        List<String> notices = new ArrayList<>();
        EmergencyRequest.liveForRelease(releaseId)
                .filter(e -> e.state == EmergencyState.APPROVED || e.state == EmergencyState.PUBLISHED)
                .ifPresent(e -> notices.add("Emergency release (" + e.criterion.label().toLowerCase()
                        + ", emergency #" + e.id + ", approved by " + e.decidedBy + "): "
                        + bypassed(all, GrantedWaiver.Source.EMERGENCY, e.id)));
        ReleaseOverride.forRelease(releaseId)
                .stream()
                .filter(o -> o.state == OverrideState.APPROVED)
                .forEach(o -> notices.add("Override #" + o.id + " requested by " + o.requestedBy + ", approved by "
                        + o.decidedBy + " (" + o.reason + "): "
                        + bypassed(all, GrantedWaiver.Source.OVERRIDE, o.id)));
        return notices;
    }

    private static String bypassed(List<GrantedWaiver> all,
            GrantedWaiver.Source source, long sourceId) {
        List<GrantedWaiver> mine = all.stream()
                .filter(w -> w.source == source && w.sourceId == sourceId)
                .toList();
        if (mine.isEmpty()) {
            return "nothing bypassed.";
        }
        return "bypassed " + mine.stream()
                .map(w -> EmergencyService.label(w.requirement) + " (" + w.reason + ")")
                .collect(Collectors.joining(", ")) + ".";
    }
}
