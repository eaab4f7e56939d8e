package dev.atelier.prompt;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.validation.InputValidation;
import dev.atelier.prompt.engine.PromptText;

/**
 * What callers send to the prompt engine, checked against the constraints declared on {@link EnhancePromptInput}
 * and {@link StylePreferences} ({@link InputValidation}), then cleaned ({@link PromptText#clean}).
 */
@ApplicationScoped
public class PromptInputs {

    private final InputValidation validation;

    PromptInputs(InputValidation validation) {
        this.validation = validation;
    }

    /** The checked input; BAD_USER_INPUT naming the field when a constraint fails. */
    public EnhancePromptInput checked(EnhancePromptInput input) {
        return validation.valid(input, "enhancement input");
    }

    /** The idea without control characters and with white space folded. */
    public String idea(EnhancePromptInput input) {
        return PromptText.clean(input.input());
    }

    /** Style preferences with each field cleaned (empty ones dropped). */
    public StylePreferences style(StylePreferences style) {
        if (style == null) {
            return StylePreferences.NONE;
        }
        return new StylePreferences(clean(style.lighting()), clean(style.mood()), clean(style.medium()),
                clean(style.palette()), clean(style.composition()), clean(style.camera()));
    }

    private static String clean(String value) {
        String clean = PromptText.clean(value);
        return clean.isEmpty() ? null : clean;
    }
}
