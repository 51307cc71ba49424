package dev.greenlight.environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;

import dev.greenlight.security.Role;
import dev.greenlight.validation.Check;

/**
 * The configured environments in promotion order ({@code greenlight.environments}) and each one's rules
 * ({@code greenlight.environments.<name>.*}). Read once at startup; a wrong value stops the application with the key
 * named rather than letting a release through on a rule nobody meant.
 */
@Startup
@ApplicationScoped
public class Environments {
    static final String PREFIX = "greenlight.environments";
    /** Who may approve a promotion: the roles the approval page admits. */
    static final Set<Role> APPROVER_ROLES = EnumSet.of(Role.ENGINEERING_LEADER, Role.MAINTAINER);

    private final List<EnvironmentRule> rules;

    @Inject
    public Environments(Config config) {
        this.rules = read(config);
    }

    /** In promotion order. */
    public List<EnvironmentRule> all() {
        return rules;
    }

    public Optional<EnvironmentRule> named(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The last environment: where a release is "in production" and its deploy time is measured. */
    public EnvironmentRule last() {
        return rules.get(rules.size() - 1);
    }

    public List<String> names() {
        return rules.stream().map(EnvironmentRule::name).toList();
    }

    static List<EnvironmentRule> read(Config config) {
        List<String> names = config.getOptionalValues(PREFIX, String.class).orElse(List.of("staging", "production"));
        if (names.isEmpty() || new LinkedHashSet<>(names).size() != names.size()) {
            throw invalid(PREFIX, "name each environment once, in promotion order");
        }
        List<EnvironmentRule> rules = new ArrayList<>();
        for (String name : names) {
            if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
                throw invalid(PREFIX, "environment names are lower-case letters, digits and dashes: " + name);
            }
            String key = PREFIX + "." + name + ".";
            List<Integer> steps = config.getOptionalValues(key + "steps", Integer.class).orElse(List.of(100));
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) < 1 || steps.get(i) > 100 || (i > 0 && steps.get(i) <= steps.get(i - 1))) {
                    throw invalid(key + "steps", "percentages between 1 and 100, rising");
                }
            }
            if (steps.get(steps.size() - 1) != 100) {
                throw invalid(key + "steps", "the last step is 100");
            }
            Duration wait = config.getOptionalValue(key + "wait", Duration.class).orElse(Duration.ZERO);
            if (wait.isNegative()) {
                throw invalid(key + "wait", "must not be negative");
            }
            int approvals = config.getOptionalValue(key + "approvals", Integer.class).orElse(0);
            if (approvals < 0 || approvals > 5) {
                throw invalid(key + "approvals", "between 0 and 5");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String claim : config.getOptionalValues(key + "approver-roles", String.class)
                    .orElse(List.of(Role.ENGINEERING_LEADER.claim(), Role.MAINTAINER.claim()))) {
                Role role = Role.fromClaim(claim)
                        .filter(APPROVER_ROLES::contains)
                        .orElseThrow(() -> invalid(key + "approver-roles",
                                "engineering-leader, maintainer or both, not " + claim));
                roles.add(role);
            }
            List<Check> checks = new ArrayList<>();
            for (String id : config.getOptionalValues(key + "checks", String.class).orElse(List.of())) {
                Check check = Check.fromId(id)
                        .filter(Check::isMeasured)
                        .orElseThrow(() -> invalid(key + "checks", "measured post-release checks (smoke-tests, "
                                + "error-rate, performance-regression), not " + id));
                checks.add(check);
            }
            rules.add(new EnvironmentRule(name, rules.size(), steps, wait, approvals, roles, checks));
        }
        return List.copyOf(rules);
    }

    private static IllegalStateException invalid(String key, String expected) {
        return new IllegalStateException(key + ": " + expected);
    }
}
