package dev.atelier.provider.local;

import java.util.Locale;

/**
 * What the preview draws: one scene per kind of picture. The request's theme names it (the prompt categories'
 * names); an unknown or missing theme draws abstract forms.
 */
public enum PreviewScene {
    PORTRAIT, LANDSCAPE, ANIMAL, FOOD, PRODUCT, ARCHITECTURE, ABSTRACT, ART;

    static PreviewScene of(String theme) {
        if (theme == null) {
            return ABSTRACT;
        }
        try {
            return valueOf(theme.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return ABSTRACT;
        }
    }
}
