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
    /** The one-word cues, where typos are looked for. */
    private final List<String> singleWords;

    private record Cue(Category category, double weight) {
    }

    public CategoryDetector(Map<String, Map.Entry<Category, Double>> terms) {
        Map<String, Cue> map = new HashMap<>();
        terms.forEach((term, cue) -> map.put(term, new Cue(cue.getKey(), cue.getValue())));
        this.lexicon = Map.copyOf(map);
        this.singleWords = map.keySet().stream().filter(t -> t.indexOf(' ') < 0 && t.length() >= TYPO_MIN_LENGTH - 1)
                .filter(t -> t.chars().allMatch(Character::isLetter)).sorted().toList();
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
        List<String> words = corrected(PromptText.words(PromptText.nameEmoji(text)));
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        Cue frame = null;
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
                frame = frame == null ? match.cue : frame;
                i = next;
                continue;
            }
            // a stated art style decides the look wherever it stands ("..., oil painting in the style of Rembrandt")
            boolean style = match.cue.category() == Category.ART && !framing;
            scores.merge(match.cue.category(), style ? weight : weight * Math.pow(DECAY, rank), Double::sum);
            rank++;
            i = next;
        }
        if (scores.isEmpty() && frame != null) {
            // "portrait of a stranger": nothing after the frame says more than the frame itself
            return new CategoryGuess(frame.category(), 0.4);
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

    /** The shortest word a typo is looked for in: shorter ones are too often other real words. */
    private static final int TYPO_MIN_LENGTH = 6;

    /**
     * The words with a likely typo of a cue word mended ("portriat" → "portrait", "lanscape" → "landscape"): a word
     * of at least {@value #TYPO_MIN_LENGTH} letters that is no cue itself, one edit (a letter changed, added, dropped
     * or two swapped) from exactly one cue word.
     */
    private List<String> corrected(List<String> words) {
        List<String> out = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.length() < TYPO_MIN_LENGTH || lookup(word) != null || PromptText.isStopword(word)
                    || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            String mended = nearestCue(word);
            if (mended != null) {
                out = out == null ? new java.util.ArrayList<>(words) : out;
                out.set(i, mended);
            }
        }
        return out == null ? words : out;
    }

    private String nearestCue(String word) {
        String found = null;
        for (String term : singleWords) {
            if (Math.abs(term.length() - word.length()) <= 1 && oneEditApart(word, term)) {
                if (found != null && !found.equals(term)) {
                    return null; // ambiguous: leave it
                }
                found = term;
            }
        }
        return found;
    }

    /** Changing, adding or dropping any letter is a typo only in words this long: shorter ones are often real words. */
    private static final int SUBSTITUTION_MIN_LENGTH = 8;

    /**
     * Whether {@code typed} is a typo of {@code term} of the kinds people make and real words rarely are: two
     * neighbouring letters swapped ("portriat"), a doubled letter added or dropped ("racoon", "squirrell"), or, in a
     * long word, one letter changed, added or dropped ("necklase", "lanscape") - never in the first letter (measured on PartiPrompts, where
     * fountain/mountain, garbage/garage and french/wrench are real words, not typos).
     */
    static boolean oneEditApart(String typed, String term) {
        if (typed.equals(term) || typed.isEmpty() || term.isEmpty() || typed.charAt(0) != term.charAt(0)) {
            return false;
        }
        if (typed.length() == term.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < typed.length(); i++) {
                if (typed.charAt(i) != term.charAt(i)) {
                    differences++;
                    first = first < 0 ? i : first;
                }
            }
            boolean swap = differences == 2 && first + 1 < typed.length() && typed.charAt(first) == term.charAt(first + 1)
                    && typed.charAt(first + 1) == term.charAt(first);
            return swap || (differences == 1 && typed.length() >= SUBSTITUTION_MIN_LENGTH);
        }
        String longer = typed.length() > term.length() ? typed : term;
        String shorter = longer == typed ? term : typed;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        boolean doubled = (i > 0 && longer.charAt(i) == longer.charAt(i - 1))
                || (i + 1 < longer.length() && longer.charAt(i) == longer.charAt(i + 1));
        // a letter more at the end is an inflection ("textured"), not a typo
        boolean inside = i < shorter.length();
        return (doubled || (inside && typed.length() >= SUBSTITUTION_MIN_LENGTH))
                && shorter.substring(i).equals(longer.substring(i + 1));
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
