package dev.greenlight.audit;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The audit log's signed checkpoints (docs/operations.md, "Signed checkpoints"). The private key comes from the
 * environment only ({@code GREENLIGHT_AUDIT_SIGNING_PRIVATE_KEY}); without one no checkpoint is signed and verification
 * says so.
 */
@ConfigMapping(prefix = "greenlight.audit")
interface AuditSettings {
    Checkpoint checkpoint();

    Signing signing();

    interface Checkpoint {
        /** How often an instance signs the chain's head ("off" disables it); several instances sign it once. */
        @WithDefault("1h")
        String interval();
    }

    interface Signing {
        /** Ed25519 private key, PKCS#8: PEM or its base64 (openssl genpkey -algorithm ed25519). */
        Optional<String> privateKey();

        /** Its public key, X.509 SubjectPublicKeyInfo: PEM or its base64 (openssl pkey -pubout). */
        Optional<String> publicKey();

        /** Public keys of earlier private keys, so that checkpoints they signed still verify after a rotation. */
        Optional<List<String>> previousPublicKeys();
    }
}
