package dev.atelier.prompt;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.atelier.prompt.engine.PromptText;

/**
 * Text judged as Atelier will use it, after {@link PromptText#clean} (control characters out, white space folded):
 * at most {@code max} characters, or - with {@code maxFromConfig} - the configured longest idea
 * ({@code atelier.prompt.max-input-length}); with {@code required}, not empty once cleaned.
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = CleanText.Validator.class)
public @interface CleanText {

    int max() default Integer.MAX_VALUE;

    /** Take the limit from {@code atelier.prompt.max-input-length} instead of {@link #max()}. */
    boolean maxFromConfig() default false;

    boolean required() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Cleans, then measures; the message says which rule failed and by how much. A dependent bean (one per
     * constraint use, since it keeps the annotation), for the configured limit; the configuration is looked up at
     * the first check, because the validator factory is built before run-time configuration exists.
     */
    @Dependent
    final class Validator implements ConstraintValidator<CleanText, String> {
        private final Instance<PromptConfig> config;
        private CleanText rule;

        @Inject
        public Validator(Instance<PromptConfig> config) {
            this.config = config;
        }

        @Override
        public void initialize(CleanText annotation) {
            rule = annotation;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String clean = PromptText.clean(value);
            int max = rule.maxFromConfig() ? config.get().maxInputLength() : rule.max();
            String problem = null;
            if (rule.required() && clean.isEmpty()) {
                problem = "is empty: describe the image you want";
            } else if (clean.length() > max) {
                problem = "is " + clean.length() + " characters long; the limit is " + max;
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
