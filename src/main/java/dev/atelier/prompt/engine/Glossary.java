package dev.atelier.prompt.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An English rendering of an idea written in Korean, from a small documented glossary of common image terms
 * ({@code prompt/glossary-ko.tsv}) and the emoji's names: what an English-only model (Stable Diffusion's text
 * encoders) is sent beside the original, so its image keeps the subject. Words it does not know are left out of the
 * rendering (the original travels with it); Latin-script words are kept as they are. Offline and deterministic;
 * an LLM, when configured, translates instead.
 */
public final class Glossary {

    private static final Glossary KOREAN = load("/prompt/glossary-ko.tsv");

    private final Map<String, String> terms;
    private final int longest;

    private Glossary(Map<String, String> terms) {
        this.terms = Map.copyOf(terms);
        this.longest = terms.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The English rendering of a Korean {@code idea}, or null when the idea is not Korean or no word is known. */
    public static String english(String idea) {
        return "ko".equals(PromptText.language(idea)) ? KOREAN.render(PromptText.nameEmoji(idea)) : null;
    }

    String render(String idea) {
        String[] tokens = PromptText.clean(idea).split("\\s+");
        List<String> english = new ArrayList<>();
        boolean understood = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                continue;
            }
            if (i + 1 < tokens.length && terms.containsKey(token + " " + tokens[i + 1])) {
                english.add(terms.get(token + " " + tokens[i + 1]));
                understood = true;
                i++;
                continue;
            }
            if (Character.UnicodeScript.of(token.codePointAt(0)) != Character.UnicodeScript.HANGUL) {
                english.add(token);
                continue;
            }
            String known = longestPrefix(token);
            if (known != null) {
                english.add(terms.get(known));
                understood = true;
            }
        }
        return understood ? String.join(" ", english) : null;
    }

    /** The longest glossary term the word starts with (Korean particles follow the noun: 골목에서 → 골목). */
    private String longestPrefix(String word) {
        for (int length = Math.min(longest, word.length()); length >= 1; length--) {
            String prefix = word.substring(0, length);
            if (terms.containsKey(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    private static Glossary load(String resource) {
        try (InputStream in = Glossary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            Map<String, String> terms = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length == 2) {
                    terms.putIfAbsent(columns[0].trim(), columns[1].trim());
                }
            }
            return new Glossary(terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
