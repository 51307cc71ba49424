package dev.greenlight.release;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Every waiver for a release, from every feature that grants them; none when no such feature is installed. */
@ApplicationScoped
@Named("waivers")
public class Waivers {
    private final Instance<RequirementWaivers> sources;

    @Inject
    Waivers(@Any Instance<RequirementWaivers> sources) {
        this.sources = sources;
    }

    public Map<Long, Map<String, RequirementWaivers.Waiver>> of(Collection<Long> releaseIds) {
        Map<Long, Map<String, RequirementWaivers.Waiver>> all = new HashMap<>();
        releaseIds.forEach(id -> all.put(id, new HashMap<>()));
        sources.forEach(source -> source.waivers(releaseIds).forEach((id, waivers) -> all.get(id).putAll(waivers)));
        return all;
    }

    public Map<String, RequirementWaivers.Waiver> of(long releaseId) {
        Map<String, RequirementWaivers.Waiver> all = new HashMap<>();
        sources.forEach(source -> all.putAll(source.waivers(releaseId)));
        return all;
    }

    /** Every feature's waivers for the release and its sentences about them, for the release page. */
    public RequirementWaivers.Account account(long releaseId) {
        Map<String, RequirementWaivers.Waiver> waived = new HashMap<>();
        List<String> notices = new ArrayList<>();
        sources.forEach(source -> {
            RequirementWaivers.Account account = source.account(releaseId);
            waived.putAll(account.waivers());
            notices.addAll(account.notices());
        });
        return new RequirementWaivers.Account(waived, notices);
    }

    /**
     * Every feature's sentences about the release's waivers, for its evidence bundle; its page reads {@link #account}.
     */
    public List<String> notices(long releaseId) {
        List<String> all = new ArrayList<>();
        sources.forEach(source -> all.addAll(source.notices(releaseId)));
        return all;
    }
}
