package dev.greenlight.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.greenlight.demo.NeuronxWorkspace;

/** Calls to /api/v1 as a CI pipeline makes them: a client-credentials token from the {@code greenlight-ci} client. */
final class CiApi {
    private CiApi() {
    }

    static String token() {
        return E2eStack.keycloak().clientCredentialsToken(E2eStack.CI_CLIENT_ID, E2eStack.CI_CLIENT_SECRET);
    }

    static HttpResponse<String> call(GreenlightProcess app, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }

    /** NeuronX's five packages, as {@code PUT /api/v1/packages} takes them. */
    static String neuronxPackages() {
        try {
            return Http.JSON.writeValueAsString(Map.of("packages", NeuronxWorkspace.packages()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves NeuronX's packages (idempotent), so that changesets can name them. */
    static void publishNeuronxPackages(GreenlightProcess app) {
        HttpResponse<String> saved = call(app, "PUT", "/api/v1/packages", token(), neuronxPackages());
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("PUT /api/v1/packages answered " + saved.statusCode() + ": "
                    + saved.body());
        }
    }

    /** The token's payload, decoded without verification (Greenlight verifies it). */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Http.json(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
