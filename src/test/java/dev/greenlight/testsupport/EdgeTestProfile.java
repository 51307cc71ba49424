package dev.greenlight.testsupport;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Greenlight at the edge as production runs it: the /api tenant and the pages demand the audience production demands, and
 * forwarded headers are trusted from one proxy address that is not the tests' own. The API tenant verifies tokens with
 * a key of this class (the test OIDC provider's tokens carry no audience), so tests can mint tokens for any audience.
 */
public class EdgeTestProfile implements QuarkusTestProfile {
    public static final String ISSUER = "https://idp.edge-test.greenlight.dev/realms/greenlight";
    public static final String TRUSTED_PROXY = "10.1.2.3";
    /** A throwaway RSA key for these tests only (PKCS#8, base64). */
    private static final String PRIVATE_KEY = "MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDGWLZHIjux3xLKqUOa+731z8Ty0aCR7pQqpEAmT2DQ2sdSBNi7"
            +
            "rqTNxa8wSBExOBRMXLftreFpU7JyJk+8oVzOgPy7b0dPovmrch8YlI6p/d5x7xsyKoL7ZOUu2eeI5XdR57npplFkrf/6IVFvGygL" +
            "OYWZjuGB98QET5t2jjjo4M4TaO530mxDYwxhzkb/7gKIJuR9pYRYZ2gFo5v57SFWlpzxgXc4mLJaKPQcgAMVf8ITI64xvTPx6nZ3" +
            "OjjjjOGX/xG5HvJtGxa7w6CsFlELv93TxSntwUHJkkIRw6EUP6qfalc9uvasTe5tR5H7Moe8S5vS1iWIe6gRdLomUAQ9AgMBAAEC" +
            "ggEAUIgaUh1rIVgSOCirY1TNFu3p6DEGwdmdXQbdaPCXvZTmkr2XBfTtwwJ9k9ve5x3+19ZZc25C9FHgRQqbG1pk5Q9oDe4rhQEF" +
            "3/9w8rj2h7ykwZu0bhTmo42eo/wjTujkHmQ4js5Rg9BF+1flyXe8NXqAbQ2fL/baJmnwFB3Aq4RKkQe8/ZjJpHxG28/TNa5cmU3q" +
            "1eJdn2UxzoG18aL96+IOQPGGKeTz5NSvSCPimxNmdc6E5BU/kOyRT2nA1ULhPM2Nf+9ROoGtXPc6j1BVjMj5b6SrbU0x3EzbE1as" +
            "ALjENBVwkSNg4tM27yUA35t40TSXXj5DAaPfwXCwdTo6/QKBgQD/3+utCoE6DrRPmFK4AkqmeA+YZlHZGQ7mjzKW/7xuFxjrrv8l" +
            "EsOJpzJo1uNLKACJDfc0+HwFVj3Jc1WiTrUGyYrnakxDDn3unZ8awuxkU+K8OeAEkwoNmgv+uFA+OFocQCIOuJPQf24WrTf6FI0Y" +
            "hYAaJcDOmMa3UVvGFaTcrwKBgQDGcZQ619m5ABExhmjRKGWooOEQO31QAYsea1p0TlCvGkcmmFuOwTyEb38U12xqM50DYdnkNfj7" +
            "Nkx+kO7tnuZR0aFyjjJuAe2PHKVPzstOLQLkCpKs+qfRkVAkdvq6dlUDjhdMKS211MkLNV40bPMIIVYs4UKzBJ0sWSaMbjvg0wKB" +
            "gQCoBUdCIuLG1/8JQVIYKNESTUaYYaAfejfxqFilFRuMAzjHEuvSUWb7jkIo2+r3YDYxyWzqaL0v1/jMvyKdaSewZEoFOiUH541E" +
            "Ula3AQavvvHlfe+fsVppoh18T1XJ9cEeSfLTTdsqj3MgCvD2E+avEoMTKHVadLIQkKk+Atp2WwKBgQC5Q1Afn2SkUmu60MEKg6xk" +
            "wc1cWi2jg81dmNvZuUOaNe43GgZgQAc/nNgHnRaaD5WGktPZOoo3/Xlsr+Jf9PkRaaRQTnDGQwaFlTjASU+ErIEGZNiKpXgHLqKj" +
            "aHCro826g+08LTV/jCglTq2kRBKghH7vZ13dw3D49kIG2OMOAQKBgQCL2FziWk+fwExkhKC/oy9pVUnEE8DgUTUgbZ7OGxibaKB+" +
            "0TGfPDwqQLdbK6hursDuzRCa6w8aL4dOji0YQPaNkjbNhIAaprdrBSSMIpvEDnERwXqAHL+GNjP8NCD08BDEyVKpeKH4Oc+hdXtI" +
            "nDm8wk5+AiSVdaF0i0NIF93mQg==";
    private static final String PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxli2RyI7sd8SyqlDmvu99c/E8tGgke6UKqRAJk9g0NrHUgTYu66kzcWv"
            +
            "MEgRMTgUTFy37a3haVOyciZPvKFczoD8u29HT6L5q3IfGJSOqf3ece8bMiqC+2TlLtnniOV3Uee56aZRZK3/+iFRbxsoCzmFmY7h" +
            "gffEBE+bdo446ODOE2jud9JsQ2MMYc5G/+4CiCbkfaWEWGdoBaOb+e0hVpac8YF3OJiyWij0HIADFX/CEyOuMb0z8ep2dzo444zh" +
            "l/8RuR7ybRsWu8OgrBZRC7/d08Up7cFByZJCEcOhFD+qn2pXPbr2rE3ubUeR+zKHvEub0tYliHuoEXS6JlAEPQIDAQAB";

    @Override
    public Map<String, String> getConfigOverrides() {
        // without a provider URL the tenant verifies locally with the public key
        return Map.of("quarkus.oidc.api.auth-server-url", "",
                "quarkus.oidc.api.public-key", PUBLIC_KEY,
                "quarkus.oidc.api.token.issuer", ISSUER,
                // undoes the test profile's relaxation: the audience production requires (application.properties)
                "%test.quarkus.oidc.api.token.audience", "${greenlight.api.audience}",
                "%test.quarkus.oidc.token.audience", "${greenlight.api.audience}",
                "%test.quarkus.http.proxy.trusted-proxies", TRUSTED_PROXY);
    }

    /** A signed access token for {@code subject} with these roles, for {@code audience} (none when null). */
    public static String token(String subject, List<String> roles, String audience) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setSubject(subject);
            claims.setClaim("upn", subject);
            claims.setClaim("preferred_username", subject);
            claims.setStringListClaim("groups", roles);
            if (audience != null) {
                claims.setAudience(audience);
            }
            long now = Instant.now().getEpochSecond();
            claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now));
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + 600));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_KEY)));
            jws.setKey(key);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }
}
