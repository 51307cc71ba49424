package dev.greenlight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The checkpoint key's configuration: formats, a mismatched pair, rotation. No Quarkus needed. */
class AuditSigningTest {
    private static final byte[] MESSAGE = "checkpoint".getBytes(StandardCharsets.UTF_8);

    private static KeyPair keyPair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static AuditSettings settings(String privateKey, String publicKey, List<String> previous) {
        return new AuditSettings() {
            @Override
            public Checkpoint checkpoint() {
                return () -> "off";
            }

            @Override
            public Signing signing() {
                return new Signing() {
                    @Override
                    public Optional<String> privateKey() {
                        return Optional.ofNullable(privateKey);
                    }

                    @Override
                    public Optional<String> publicKey() {
                        return Optional.ofNullable(publicKey);
                    }

                    @Override
                    public Optional<List<String>> previousPublicKeys() {
                        return Optional.ofNullable(previous);
                    }
                };
            }
        };
    }

    @Test
    void signsWithAPemOrBase64KeyAndVerifiesWithItsPublicKey() throws Exception {
        KeyPair pair = keyPair();
        for (AuditSettings settings : List.of(
                settings(base64(pair.getPrivate().getEncoded()), base64(pair.getPublic().getEncoded()), null),
                settings(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                        pem("PUBLIC KEY", pair.getPublic().getEncoded()), null))) {
            AuditSigning signing = new AuditSigning(settings);
            assertThat(signing.configured()).isTrue();
            assertThat(signing.keyId()).isEqualTo(AuditSigning.keyId(pair.getPublic())).hasSize(16);
            assertThat(signing.verify(signing.keyId(), MESSAGE, signing.sign(MESSAGE))).isTrue();
            assertThat(signing.verify(signing.keyId(), "other".getBytes(StandardCharsets.UTF_8),
                    signing.sign(MESSAGE))).isFalse();
        }
    }

    @Test
    void checkpointsOfARotatedOutKeyVerifyWhileItsPublicKeyIsListed() throws Exception {
        KeyPair old = keyPair();
        KeyPair current = keyPair();
        byte[] oldSignature = new AuditSigning(settings(base64(old.getPrivate().getEncoded()),
                base64(old.getPublic().getEncoded()), null)).sign(MESSAGE);
        String oldId = AuditSigning.keyId(old.getPublic());

        AuditSigning rotated = new AuditSigning(settings(base64(current.getPrivate().getEncoded()),
                base64(current.getPublic().getEncoded()), List.of(pem("PUBLIC KEY", old.getPublic().getEncoded()))));
        assertThat(rotated.keyId()).isNotEqualTo(oldId);
        assertThat(rotated.verify(oldId, MESSAGE, oldSignature)).isTrue();
        assertThat(rotated.publicKeys())
                .extracting(AuditSigning.PublicKeyView::keyId, AuditSigning.PublicKeyView::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rotated.keyId(), true),
                        org.assertj.core.groups.Tuple.tuple(oldId, false));

        AuditSigning forgotten = new AuditSigning(settings(base64(current.getPrivate().getEncoded()),
                base64(current.getPublic().getEncoded()), null));
        assertThat(forgotten.trusts(oldId)).isFalse();
        assertThat(forgotten.verify(oldId, MESSAGE, oldSignature)).isFalse();
    }

    @Test
    void aPublicKeyThatIsNotThePrivateKeysOrHalfAPairStopsTheStart() throws Exception {
        KeyPair one = keyPair();
        KeyPair other = keyPair();
        assertThatThrownBy(() -> new AuditSigning(settings(base64(one.getPrivate().getEncoded()),
                base64(other.getPublic().getEncoded()), null))).hasMessageContaining("is not the private key's");
        assertThatThrownBy(() -> new AuditSigning(settings(base64(one.getPrivate().getEncoded()), null, null)))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> new AuditSigning(settings("not a key", base64(one.getPublic().getEncoded()), null)))
                .hasMessageContaining("private-key is not an Ed25519");
    }

    @Test
    void withoutAKeyNothingIsSignedAndNothingIsTrusted() {
        AuditSigning none = new AuditSigning(settings(null, null, null));
        assertThat(none.configured()).isFalse();
        assertThat(none.keyId()).isNull();
        assertThat(none.publicKeys()).isEmpty();
        assertThatThrownBy(() -> none.sign(MESSAGE)).isInstanceOf(IllegalStateException.class);
    }
}
