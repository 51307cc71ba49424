package dev.greenlight.release;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requirements someone with the authority waived for a release (an emergency's bypassed gates and review slots, an
 * admin override). Implemented by the feature that grants waivers; reviews and gates ask it and show every waiver.
 */
public interface RequirementWaivers {

    /** Who waived what, and why. */
    record Waiver(String requirement, String reason, String waivedBy, Instant waivedAt) {
    }

    /** Waivers in force for the release, by requirement key: "gate:coverage", "slot:security". */
    Map<String, Waiver> waivers(long releaseId);

    /** The same for many releases at once; override with one query where lists are long. */
    default Map<Long, Map<String, Waiver>> waivers(Collection<Long> releaseIds) {
        Map<Long, Map<String, Waiver>> all = new HashMap<>();
        releaseIds.forEach(id -> all.put(id, waivers(id)));
        return all;
    }

    /**
     * What the release page and its changelog must say about these waivers, one sentence each ("Emergency release:
     * bypassed …"); the stored changelog text is never changed.
     */
    default List<String> notices(long releaseId) {
        return List.of();
    }

    /** A release's waivers and the sentences about them, for its page. */
    record Account(Map<String, Waiver> waivers, List<String> notices) {
    }

    /** Both at once; override to read what they share once. */
    default Account account(long releaseId) {
        return new Account(waivers(releaseId), notices(releaseId));
    }

    static String gateKey(String gate) {
        return "gate:" + gate;
    }

    static String slotKey(String slot) {
        return "slot:" + slot;
    }
}
