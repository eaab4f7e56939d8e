package dev.atelier.provider;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * The provider a request without an explicit choice would most likely get: the first vendor whose credentials are
 * configured, in the order OpenAI, Google, Stability, SD web UI; LOCAL when none is. Used to pick which variant
 * of an enhanced prompt is shown as {@code enhanced}.
 */
@ApplicationScoped
public class DefaultProvider {

    private static final List<Candidate> ORDER = List.of(
            new Candidate(ProviderId.OPENAI, "OPENAI_API_KEY"),
            new Candidate(ProviderId.GOOGLE, "GOOGLE_PROJECT_ID"),
            new Candidate(ProviderId.STABILITY, "STABILITY_API_KEY"),
            new Candidate(ProviderId.SDWEBUI, "SDWEBUI_BASE_URL"));

    private record Candidate(ProviderId id, String setting) {
    }

    private final ProviderId provider;

    DefaultProvider(Config config) {
        this.provider = ORDER.stream()
                .filter(c -> config.getOptionalValue(c.setting(), String.class).filter(v -> !v.isBlank()).isPresent())
                .map(Candidate::id)
                .findFirst()
                .orElse(ProviderId.LOCAL);
    }

    public ProviderId get() {
        return provider;
    }
}
