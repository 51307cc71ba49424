package dev.greenlight.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Every page and API call needs one of Greenlight's roles: the configured default lists each of them, no other. */
class RoleRequirementTest {

    @Test
    void everyEndpointDefaultsToAnyGreenlightRole() throws IOException {
        List<String> configured = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(getClass().getClassLoader()
                        .getResource("application.properties")))
                .build()
                .getOptionalValues("quarkus.security.jaxrs.default-roles-allowed", String.class)
                .orElse(List.of());

        assertThat(configured).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values())
                .map(Role::claim)
                .toList());
    }
}
