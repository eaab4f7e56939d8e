package dev.atelier.prompt.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text helpers shared by the prompt engine: cleaning user input, splitting it into words, telling content words
 * from function words, and the aggressive normalisation used for cache keys.
 */
public final class PromptText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    /** ASCII white space and every Unicode space separator (no-break, ideographic, em spaces ...). */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}'-]+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");

    /** English function words: dropping them never changes what an image is of. */
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "without", "by", "from",
            "into", "onto", "over", "under", "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's",
            "this", "that", "these", "those", "there", "their", "his", "her", "as", "some", "any", "very", "has",
            "have", "had", "which", "who", "whom", "while", "so", "than", "then", "too", "up", "down", "out", "off",
            "about", "above", "below", "near", "next", "each", "other", "one", "two", "three", "s", "doesn't", "not",
            "no", "can", "will", "just", "also", "they", "them", "he", "she", "him", "we", "you", "i", "my", "your",
            "our", "all", "what", "when", "where", "how", "if", "because", "does", "do", "did", "like");

    private PromptText() {
    }

    /**
     * What the engine works with: control and format characters removed, Unicode NFC, runs of white space
     * folded to one space, trimmed. The user's words and their order are untouched.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = CONTROL.matcher(text).replaceAll(" ");
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    /**
     * Emoji read as the words they stand for, by their Unicode names ({@code Character.getName}): "🐙 in space" is
     * "octopus in space". Skin-tone modifiers and variation selectors go; flags (regional indicators) and emoji
     * newer than the JDK's Unicode tables stay as they are.
     */
    public static String nameEmoji(String text) {
        if (text == null || text.codePoints().noneMatch(PromptText::isEmoji)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp >= 0x1F3FB && cp <= 0x1F3FF || cp == 0xFE0F || cp == 0xFE0E) {
                return; // skin tones, emoji and text presentation selectors
            }
            String name = isEmoji(cp) ? Character.getName(cp) : null;
            if (name == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(' ').append(name.toLowerCase(Locale.ROOT)).append(' ');
            }
        });
        return WHITESPACE.matcher(out).replaceAll(" ").trim();
    }

    private static boolean isEmoji(int cp) {
        boolean block = (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1F2FF
                && !(cp >= 0x1F1E6 && cp <= 0x1F1FF));
        return block && Character.getType(cp) == Character.OTHER_SYMBOL;
    }

    /** Lower-case words (letters, digits, apostrophes and hyphens inside words). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            String word = trimEdges(token);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The words of the text that carry meaning (not in the function-word list). */
    public static List<String> contentWords(String text) {
        return words(text).stream().filter(w -> !STOPWORDS.contains(w)).toList();
    }

    public static boolean isStopword(String word) {
        return STOPWORDS.contains(word);
    }

    /**
     * The cache-key form: NFKC, lower case, punctuation and symbols removed, white space folded. Inputs that differ
     * only in case, spacing, width or punctuation share one key.
     */
    public static String cacheNormal(String text) {
        String normal = Normalizer.normalize(clean(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        normal = PUNCTUATION.matcher(normal).replaceAll(" ");
        return WHITESPACE.matcher(normal).replaceAll(" ").trim();
    }

    /** Number of white-space separated words. */
    public static int wordCount(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : WHITESPACE.split(trimmed).length;
    }

    /**
     * The language an idea is written in, by its letters' script, when it is not written in Latin letters: {@code ko}
     * (Hangul), {@code ja} (Kana, with or without Han), {@code zh} (Han), {@code ru} (Cyrillic), {@code el},
     * {@code ar}, {@code he}, {@code th}, {@code hi} (Devanagari); null for Latin-script text (read as English by
     * English-only models) or a script not listed.
     */
    public static String language(String text) {
        if (!mostlyNonLatin(text)) {
            return null;
        }
        java.util.Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter)
                .forEach(cp -> counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        if (counts.containsKey(Character.UnicodeScript.HIRAGANA) || counts.containsKey(Character.UnicodeScript.KATAKANA)) {
            return "ja";
        }
        Character.UnicodeScript top = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(Character.UnicodeScript.LATIN);
        return switch (top) {
            case HANGUL -> "ko";
            case HAN -> "zh";
            case CYRILLIC -> "ru";
            case GREEK -> "el";
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case THAI -> "th";
            case DEVANAGARI -> "hi";
            default -> null;
        };
    }

    /** The language's name in English, for reasons people read ("ko" → "Korean"). */
    public static String languageName(String code) {
        return code == null ? "English" : new Locale(code).getDisplayLanguage(Locale.ENGLISH);
    }

    /** True when the text is made of Hangul, CJK, Kana or other non-Latin letters mostly. */
    public static boolean mostlyNonLatin(String text) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return letters > 0 && latin * 2 < letters;
    }

    private static String trimEdges(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && (token.charAt(start) == '\'' || token.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (token.charAt(end - 1) == '\'' || token.charAt(end - 1) == '-')) {
            end--;
        }
        return token.substring(start, end);
    }
}
