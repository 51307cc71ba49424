package dev.greenlight.policy;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** NeuronX's "Manual Rollback" procedure as configuration: the checklist every rollback follows, in order. */
@ConfigMapping(prefix = "greenlight.policy.rollback")
public interface RollbackPolicy {

    /** The steps, in the order they must be done. */
    @WithDefault("identify-issue,stop-deployment,revert-code,database-rollback,monitor")
    List<String> steps();

    /** Steps that may be marked not applicable, with a reason, instead of being done. */
    @WithDefault("database-rollback")
    List<String> skippable();

    /** What a step asks people to do, by step id; steps without a label show their id. */
    Map<String, String> label();

    /** The label of a step: configured, else the policy's wording for NeuronX's steps, else the id. */
    default String labelOf(String step) {
        String configured = label().get(step);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return switch (step) {
            case "identify-issue" -> "Identify issue: determine the scope and impact of the release";
            case "stop-deployment" -> "Stop deployment: halt further rollouts if applicable";
            case "revert-code" -> "Revert code: check out the previous version tag";
            case "database-rollback" -> "Database: run rollback migrations if needed";
            case "monitor" -> "Monitor: validate system stability after the rollback";
            default -> step;
        };
    }
}
