package dev.atelier.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * OIDC mode, verifying tokens with a test public key (the air-gapped setup: no issuer to call), issuer
 * {@link Tokens#ISSUER}, roles from the {@code groups} claim. LOCAL renders cost $0.01 and budgets default to
 * $0.10 a day, so budget rules can be exercised without a paid vendor.
 */
public class OidcProfile implements QuarkusTestProfile {

    /** The one other origin whose pages may call the API in this profile. */
    public static final String ALLOWED_ORIGIN = "https://studio.example.com";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "atelier.auth.mode", "oidc",
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", publicKey(),
                "quarkus.oidc.token.issuer", Tokens.ISSUER,
                "atelier.providers.local.price-per-image-usd", "0.01",
                "atelier.budget.daily-usd", "0.10",
                "atelier.budget.monthly-usd", "5.00",
                "atelier.http.allowed-origins", ALLOWED_ORIGIN);
    }

    static String publicKey() {
        try (InputStream in = OidcProfile.class.getResourceAsStream("/jwt/test-public.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
