package dev.atelier.prompt.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.atelier.prompt.Category;

/**
 * Guesses which of the eight categories an idea belongs to from a lexicon of cue words
 * ({@code prompt/category-lexicon.tsv}). The earliest cue counts most, because the head subject usually comes
 * first ("a kitchen with a goat in it" is a room); art-medium words weigh more, because they decide the look.
 * An input with no cue gets the best guess (ABSTRACT for a bare concept) with a low confidence, never an error.
 */
public final class CategoryDetector {

    private static final double NO_CUE_CONFIDENCE = 0.15;
    private static final int MAX_PHRASE_WORDS = 3;
    /** Each later cue counts this much less than the one before it: the head subject decides. */
    private static final double DECAY = 0.5;
    /**
     * Words that frame or measure the subject rather than being it when followed by "of" ("a bowl of ramen",
     * "portrait of a gecko", "a view of the valley"): the cue after "of" decides.
     */
    private static final Set<String> FRAMES = Set.of(
            "portrait", "photo", "photograph", "picture", "image", "view", "close-up", "closeup", "shot", "scene",
            "bowl", "cup", "glass", "plate", "bottle", "pitcher", "slice", "piece", "box", "bag", "basket", "jar",
            "can", "pile", "stack", "group", "bunch", "pair", "set", "row", "couple", "herd", "flock", "pack",
            "table", "tray", "handful", "collection", "field", "sea", "cloud", "crowd", "family", "team", "lot",
            "lots", "kind", "type", "made", "full");
    /** Art media used as a frame ("a cartoon of a cow") still count, at this fraction, before the subject. */
    private static final double FRAMED_MEDIUM = 0.6;
    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "one", "two", "three", "some");

    private final Map<String, Cue> lexicon;

    private record Cue(Category category, double weight) {
    }

    public CategoryDetector(Map<String, Map.Entry<Category, Double>> terms) {
        Map<String, Cue> map = new HashMap<>();
        terms.forEach((term, cue) -> map.put(term, new Cue(cue.getKey(), cue.getValue())));
        this.lexicon = Map.copyOf(map);
    }

    /** The detector with the bundled lexicon. */
    public static CategoryDetector withBundledLexicon() {
        try (InputStream in = CategoryDetector.class.getResourceAsStream("/prompt/category-lexicon.tsv")) {
            if (in == null) {
                throw new IllegalStateException("prompt/category-lexicon.tsv is missing from the class path");
            }
            return new CategoryDetector(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Map.Entry<Category, Double>> parse(BufferedReader reader) throws IOException {
        Map<String, Map.Entry<Category, Double>> terms = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            Category category = Category.valueOf(columns[0].trim());
            double weight = Double.parseDouble(columns[1].trim());
            for (String term : columns[2].split(",")) {
                String normal = String.join(" ", PromptText.words(term.trim()));
                if (!normal.isEmpty()) {
                    terms.putIfAbsent(normal, Map.entry(category, weight));
                }
            }
        }
        return terms;
    }

    public CategoryGuess detect(String text) {
        List<String> words = PromptText.words(text);
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        int rank = 0;
        int i = 0;
        while (i < words.size()) {
            Match match = longestMatchAt(words, i);
            if (match == null) {
                i++;
                continue;
            }
            int next = i + match.length;
            boolean framing = next < words.size() && (words.get(next).equals("of") || words.get(next).equals("about"));
            double weight = match.cue.weight();
            if (framing && match.cue.category() == Category.ART) {
                weight *= FRAMED_MEDIUM;
            } else if (framing && match.length == 1 && FRAMES.contains(words.get(i))) {
                i = next;
                continue;
            }
            // a stated art style decides the look wherever it stands ("..., oil painting in the style of Rembrandt")
            boolean style = match.cue.category() == Category.ART && !framing;
            scores.merge(match.cue.category(), style ? weight : weight * Math.pow(DECAY, rank), Double::sum);
            rank++;
            i = next;
        }
        if (scores.isEmpty()) {
            // "a ladder", "the doorknocker": an unknown thing is most likely an object; a bare word is a concept
            boolean thing = !words.isEmpty() && ARTICLES.contains(words.get(0));
            return new CategoryGuess(thing ? Category.PRODUCT : Category.ABSTRACT, NO_CUE_CONFIDENCE);
        }
        Map.Entry<Category, Double> best = scores.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        double share = best.getValue() / total;
        // one weak cue is less certain than several agreeing ones
        double strength = Math.min(1.0, best.getValue() / 1.5);
        double confidence = Math.round((0.35 + 0.6 * share * strength) * 100.0) / 100.0;
        return new CategoryGuess(best.getKey(), Math.min(0.95, confidence));
    }

    private record Match(Cue cue, int length) {
    }

    private Match longestMatchAt(List<String> words, int start) {
        for (int length = Math.min(MAX_PHRASE_WORDS, words.size() - start); length >= 1; length--) {
            String phrase = String.join(" ", words.subList(start, start + length));
            Cue cue = lookup(phrase);
            if (cue != null) {
                return new Match(cue, length);
            }
        }
        return null;
    }

    private Cue lookup(String phrase) {
        Cue cue = lexicon.get(phrase);
        if (cue != null) {
            return cue;
        }
        if (phrase.endsWith("es") && phrase.length() > 4 && (cue = lexicon.get(phrase.substring(0, phrase.length() - 2))) != null) {
            return cue;
        }
        if (phrase.endsWith("s") && phrase.length() > 3 && (cue = lexicon.get(phrase.substring(0, phrase.length() - 1))) != null) {
            return cue;
        }
        if (phrase.endsWith("'s") && (cue = lexicon.get(phrase.substring(0, phrase.length() - 2))) != null) {
            return cue;
        }
        return hangulPrefix(phrase);
    }

    /** Korean attaches particles to nouns (골목에서, 고양이가): match a Hangul cue as a prefix of the word. */
    private Cue hangulPrefix(String word) {
        if (word.isEmpty() || word.indexOf(' ') >= 0
                || Character.UnicodeScript.of(word.codePointAt(0)) != Character.UnicodeScript.HANGUL) {
            return null;
        }
        for (int end = word.length() - 1; end >= 1; end--) {
            Cue cue = lexicon.get(word.substring(0, end));
            if (cue != null) {
                return cue;
            }
        }
        return null;
    }
}
