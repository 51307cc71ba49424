package dev.greenlight.release;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.greenlight.common.ResourceNotFoundException;

/**
 * Every waiver for a release, from every feature that grants them; none when no such feature is installed. Only those
 * granted for the content version the release holds are in force.
 */
@ApplicationScoped
@Named("waivers")
public class Waivers {
    private final Instance<RequirementWaivers> sources;

    @Inject
    Waivers(@Any Instance<RequirementWaivers> sources) {
        this.sources = sources;
    }

    /** The same for many releases, one query per feature (the reviewers' queue). */
    public Map<Long, Map<String, RequirementWaivers.Waiver>> of(List<ReleaseFacts> releases) {
        Map<Long, Map<String, RequirementWaivers.Waiver>> all = new HashMap<>();
        releases.forEach(release -> all.put(release.id(), new HashMap<>()));
        List<Long> ids = releases.stream().map(ReleaseFacts::id).toList();
        sources.forEach(source -> {
            Map<Long, List<RequirementWaivers.Waiver>> granted = source.granted(ids);
            releases.forEach(release -> all.get(release.id())
                    .putAll(RequirementWaivers.inForce(granted.getOrDefault(release.id(), List.of()),
                            release.contentVersion())));
        });
        return all;
    }

    /** The waivers in force for the release, by requirement key. */
    public Map<String, RequirementWaivers.Waiver> of(ReleaseFacts release) {
        Map<String, RequirementWaivers.Waiver> all = new HashMap<>();
        sources.forEach(source -> all
                .putAll(RequirementWaivers.inForce(source.granted(release.id()), release.contentVersion())));
        return all;
    }

    /** Every feature's waivers in force for the release and its sentences about all of them, for the release page. */
    public RequirementWaivers.Account account(ReleaseFacts release) {
        Map<String, RequirementWaivers.Waiver> waived = new HashMap<>();
        List<String> notices = new ArrayList<>();
        sources.forEach(source -> {
            RequirementWaivers.Account account = source.account(release.id(), release.contentVersion());
            waived.putAll(account.waivers());
            notices.addAll(account.notices());
        });
        return new RequirementWaivers.Account(waived, notices);
    }

    /**
     * Every feature's sentences about the release's waivers, for its evidence bundle; its page reads {@link #account}.
     */
    public List<String> notices(long releaseId) {
        int contentVersion = Release.<Release>findByIdOptional(releaseId)
                .orElseThrow(() -> new ResourceNotFoundException("Release", releaseId)).contentVersion;
        List<String> all = new ArrayList<>();
        sources.forEach(source -> all.addAll(source.notices(releaseId, contentVersion)));
        return all;
    }
}
