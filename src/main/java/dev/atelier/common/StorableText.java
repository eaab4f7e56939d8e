package dev.atelier.common;

/** Text PostgreSQL can store: no NUL character, no unpaired surrogate. Checked at every edge that takes text. */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with {@code text} (named {@code field} in the message), or null. */
    public static String problem(String text, String field) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return field + ": the text contains a NUL character (U+0000)";
            }
            boolean unpairedHigh = Character.isHighSurrogate(c)
                    && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)));
            boolean unpairedLow = Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (unpairedHigh || unpairedLow) {
                return field + ": the text contains an unpaired surrogate (not valid Unicode)";
            }
        }
        return null;
    }
}
