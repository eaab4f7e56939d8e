package dev.atelier.prompt;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.prompt.engine.PromptText;

/** Validates and cleans what callers send to the prompt engine. */
@ApplicationScoped
public class PromptInputs {

    static final int MAX_STYLE_LENGTH = 200;

    private final PromptConfig config;

    PromptInputs(PromptConfig config) {
        this.config = config;
    }

    /** The idea without control characters and with white space folded; empty or oversized is BAD_USER_INPUT. */
    public String idea(String raw) {
        String idea = PromptText.clean(raw);
        if (idea.isEmpty()) {
            throw AtelierException.badInput("Describe the image you want: the input is empty");
        }
        int max = config.maxInputLength();
        if (idea.length() > max) {
            throw AtelierException.badInput("The input is " + idea.length() + " characters long; the limit is " + max);
        }
        return idea;
    }

    /** Style preferences with each field cleaned; a field over 200 characters is BAD_USER_INPUT. */
    public StylePreferences style(StylePreferences style) {
        if (style == null) {
            return StylePreferences.NONE;
        }
        return new StylePreferences(field("lighting", style.lighting()), field("mood", style.mood()),
                field("medium", style.medium()), field("palette", style.palette()),
                field("composition", style.composition()), field("camera", style.camera()));
    }

    private static String field(String name, String value) {
        String clean = PromptText.clean(value);
        if (clean.length() > MAX_STYLE_LENGTH) {
            throw AtelierException.badInput("style." + name + " is " + clean.length() + " characters long; the limit is "
                    + MAX_STYLE_LENGTH);
        }
        return clean.isEmpty() ? null : clean;
    }
}
