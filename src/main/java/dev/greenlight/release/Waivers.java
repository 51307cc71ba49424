package dev.greenlight.release;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Every waiver for a release, from every feature that grants them; none when no such feature is installed. */
@ApplicationScoped
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
}
