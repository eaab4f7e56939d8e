package dev.atelier.prompt.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import dev.atelier.prompt.Category;
import dev.atelier.prompt.StylePreferences;
import dev.atelier.prompt.engine.PromptText;

/**
 * Identifies one enhancement: the normalised input (NFKC, case, white space and punctuation folded), the
 * requested category, the style, and the engine (template version or LLM model). Hashed, so keys are short and
 * carry no user text into Redis key names.
 */
public record EnhancementKey(String hash) {

    public static EnhancementKey of(String input, Category category, StylePreferences style, String engine) {
        StringBuilder material = new StringBuilder()
                .append(PromptText.cacheNormal(input)).append('\u0000')
                .append(category == null ? "auto" : category.name()).append('\u0000')
                .append(engine).append('\u0000');
        Map<String, String> sorted = new TreeMap<>(style == null ? Map.of() : style.asMap());
        sorted.forEach((k, v) -> material.append(k).append('=').append(PromptText.cacheNormal(v)).append('\u0000'));
        return new EnhancementKey(sha256(material.toString()));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
