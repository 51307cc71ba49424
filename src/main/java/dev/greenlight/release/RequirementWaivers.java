package dev.greenlight.release;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requirements someone with the authority waived for a release (an emergency's bypassed gates and review slots, an
 * admin override). Implemented by the feature that grants waivers; reviews and gates ask it and show every waiver. A
 * waiver holds for the content version it was granted for, like an approval: once the changesets change it is stale.
 */
public interface RequirementWaivers {

    /** Who waived what, why, and for which content version of the release. */
    record Waiver(String requirement, String reason, String waivedBy, Instant waivedAt, int contentVersion) {
    }

    /** Every waiver granted for the release, stale ones included, oldest first. */
    List<Waiver> granted(long releaseId);

    /** The same for many releases at once; override with one query where lists are long. */
    default Map<Long, List<Waiver>> granted(Collection<Long> releaseIds) {
        Map<Long, List<Waiver>> all = new HashMap<>();
        releaseIds.forEach(id -> all.put(id, granted(id)));
        return all;
    }

    /**
     * What the release page and its evidence bundle must say about these waivers, one sentence each ("Emergency
     * release: bypassed …"), those granted for another content version said to be stale; the stored changelog text is
     * never changed.
     */
    default List<String> notices(long releaseId, int contentVersion) {
        return List.of();
    }

    /** A release's waivers in force, by requirement key, and the sentences about all of its waivers. */
    record Account(Map<String, Waiver> waivers, List<String> notices) {
    }

    /** Both at once; override to read what they share once. */
    default Account account(long releaseId, int contentVersion) {
        return new Account(inForce(granted(releaseId), contentVersion), notices(releaseId, contentVersion));
    }

    /** The waivers granted for the content version the release holds, by requirement key. */
    static Map<String, Waiver> inForce(List<Waiver> granted, int contentVersion) {
        Map<String, Waiver> inForce = new LinkedHashMap<>();
        granted.stream()
                .filter(w -> w.contentVersion() == contentVersion)
                .forEach(w -> inForce.put(w.requirement(), w));
        return inForce;
    }

    static String gateKey(String gate) {
        return "gate:" + gate;
    }

    static String slotKey(String slot) {
        return "slot:" + slot;
    }
}
