package dev.atelier.prompt;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Prompt engine settings. */
@ConfigMapping(prefix = "atelier.prompt")
public interface PromptConfig {

    /** Longest accepted idea, in characters (after control characters are stripped). */
    @WithDefault("2000")
    int maxInputLength();

    /**
     * Longest prompt each provider accepts, in characters. Defaults: OpenAI 4,000 (the dall-e-3 limit; GPT Image
     * models take 32,000), Google 1,900 (Imagen's 480 tokens), Stability 10,000, SD web UI 3,000, LOCAL 4,000
     * (set in application.properties as {@code atelier.prompt.provider-max-chars.OPENAI=4000}, ...).
     */
    Map<String, Integer> providerMaxChars();

    /** Version of the template engine; part of every cache key, so a new version never serves old results. */
    @WithDefault("template-v2")
    String engineVersion();

    /** Enhancement cache. */
    Cache cache();

    /** LLM enhancement. */
    Llm llm();

    interface Cache {
        /** How long an enhancement stays cached (both levels). */
        @WithDefault("PT24H")
        Duration ttl();

        /** Entries kept in each replica's in-process cache. */
        @WithDefault("10000")
        long l1MaxEntries();
    }

    interface Llm {
        /**
         * {@code auto}: on when an OpenAI API key is configured. {@code true}/{@code false} force it (an
         * OpenAI-compatible server without keys, such as Ollama, needs {@code true}).
         */
        @WithDefault("auto")
        String enabled();

        /** The chat model used (also part of the cache key). */
        @WithDefault("gpt-4o-mini")
        String model();

        /** Longest the LLM may take before the template result is used, in milliseconds. */
        @WithDefault("3000")
        long timeoutMs();
    }
}
