package dev.greenlight.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The Ed25519 key that signs checkpoints, and the public keys they are verified against: the current one and those of
 * keys rotated out. Read at start, so that a malformed or mismatched key stops the start instead of a checkpoint.
 */
@Startup
@ApplicationScoped
class AuditSigning {
    static final String ALGORITHM = "Ed25519";
    private static final Logger LOG = Logger.getLogger(AuditSigning.class);

    /** A public key as exported: its id, its PEM, and whether it signs new checkpoints. */
    record PublicKeyView(String keyId, String pem, boolean current) {
    }

    private final PrivateKey privateKey;
    private final String currentKeyId;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    @Inject
    AuditSigning(AuditSettings settings) {
        Optional<String> privatePart = settings.signing().privateKey().filter(k -> !k.isBlank());
        Optional<String> publicPart = settings.signing().publicKey().filter(k -> !k.isBlank());
        if (privatePart.isPresent() != publicPart.isPresent()) {
            throw new IllegalStateException(
                    "greenlight.audit.signing.private-key and greenlight.audit.signing.public-key go together");
        }
        if (privatePart.isPresent()) {
            privateKey = privateKey(privatePart.get());
            PublicKey publicKey = publicKey("greenlight.audit.signing.public-key", publicPart.get());
            byte[] probe = "greenlight key check".getBytes(StandardCharsets.UTF_8);
            if (!verify(publicKey, probe, sign(privateKey, probe))) {
                throw new IllegalStateException("greenlight.audit.signing.public-key is not the private key's");
            }
            currentKeyId = keyId(publicKey);
            trusted.put(currentKeyId, publicKey);
        } else {
            privateKey = null;
            currentKeyId = null;
            LOG.warn("No audit signing key (greenlight.audit.signing.private-key): the audit chain is not signed");
        }
        for (String previous : settings.signing().previousPublicKeys().orElse(List.of())) {
            if (!previous.isBlank()) {
                PublicKey key = publicKey("greenlight.audit.signing.previous-public-keys", previous);
                trusted.putIfAbsent(keyId(key), key);
            }
        }
    }

    boolean configured() {
        return privateKey != null;
    }

    /** The id of the key that signs new checkpoints; null when none is configured. */
    String keyId() {
        return currentKeyId;
    }

    byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new IllegalStateException("No audit signing key configured");
        }
        return sign(privateKey, message);
    }

    boolean trusts(String keyId) {
        return trusted.containsKey(keyId);
    }

    /** Whether a trusted key with that id signed the message. */
    boolean verify(String keyId, byte[] message, byte[] signature) {
        PublicKey key = trusted.get(keyId);
        return key != null && verify(key, message, signature);
    }

    List<PublicKeyView> publicKeys() {
        List<PublicKeyView> keys = new ArrayList<>();
        trusted.forEach((id, key) -> keys.add(new PublicKeyView(id, pem(key), id.equals(currentKeyId))));
        return keys;
    }

    /** The first 16 hex digits of the SHA-256 of the key's SubjectPublicKeyInfo. */
    static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("greenlight.audit.signing.private-key is not an Ed25519 PKCS#8 key");
        }
    }

    private static PublicKey publicKey(String property, String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not an Ed25519 public key");
        }
    }

    /** The DER bytes of a PEM block or of bare base64. */
    private static byte[] der(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an audit checkpoint", e);
        }
    }

    private static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
