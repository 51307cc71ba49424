import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Benchmark-only tokens: makes an RSA key pair, writes the public key (what quarkus.oidc.public-key takes) and one
 * RS256 JWT per "user=role,role" argument, valid for a day, for Greenlight's audience, with the roles in the groups claim.
 *
 * <pre>java bench/BenchTokens.java OUT_DIR user301=code-reviewer user491=maintainer ...</pre>
 *
 * Writes OUT_DIR/public-key (base64 DER) and OUT_DIR/token-USER (the bare JWT).
 */
public class BenchTokens {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.writeString(out.resolve("public-key"),
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        for (int i = 1; i < args.length; i++) {
            String[] userAndRoles = args[i].split("=", 2);
            String user = userAndRoles[0];
            StringBuilder groups = new StringBuilder();
            for (String role : userAndRoles[1].split(",")) {
                groups.append(groups.length() == 0 ? "" : ",").append('"').append(role).append('"');
            }
            String claims = "{\"iss\":\"greenlight-bench\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user
                    + "\",\"name\":\"" + user + "\",\"aud\":\"greenlight\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":"
                    + (now + 86400) + "}";
            String signingInput = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            Files.writeString(out.resolve("token-" + user), signingInput + "." + url.encodeToString(rs256.sign()));
        }
    }
}
