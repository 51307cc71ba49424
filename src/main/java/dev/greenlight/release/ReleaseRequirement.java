package dev.greenlight.release;

import java.util.List;
import java.util.Map;

/**
 * Something a release needs before it may be approved and published (review slots, quality gates). Features implement
 * it as beans; the release feature asks all of them without knowing their tables.
 */
public interface ReleaseRequirement {

    /**
     * What is still missing for the release, one sentence each; empty when satisfied. The release's waivers are read
     * once by the caller for every requirement.
     */
    List<String> unmet(ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived);
}
