package dev.greenlight.workspace;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class PackagesPagesTest {
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    @Test
    void aRefusedVersionIsShownBesideItsFieldAndTheFormKeepsWhatWasTyped() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit("/packages", "/packages", Map.of("name", "@neuronx/core", "version", "not-a-version",
                "dependencies", "", "devDependencies", "", "peerDependencies", ""))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"version-error\" class=\"field-error\">must be a SemVer version"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"version-error\""))
                .body(containsString("value=\"not-a-version\""))
                .body(not(containsString("id=\"name-error\"")));
    }

    @Test
    void aMalformedDependencyLineIsShownBesideItsTextarea() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit("/packages", "/packages", Map.of("name", "@neuronx/core", "version", "2.1.0",
                "dependencies", "react", "devDependencies", "", "peerDependencies", ""))
                .then()
                .statusCode(400)
                .body(containsString(
                        "<p id=\"dependencies-error\" class=\"field-error\">line 1 must be a package name"))
                .body(containsString("name=\"dependencies\" rows=\"3\" spellcheck=\"false\""))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"dependencies-error\""));
    }

    @Test
    void aMissingFieldIsA400NamingItBesideTheField() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit("/packages", "/packages", Map.of("name", "@neuronx/core", "version", "2.1.0",
                "dependencies", "", "devDependencies", ""))
                .then()
                .statusCode(400)
                .body(containsString("<strong>peerDependencies</strong>: is missing"))
                .body(containsString("<p id=\"peerDependencies-error\" class=\"field-error\">is missing"));
    }
}
