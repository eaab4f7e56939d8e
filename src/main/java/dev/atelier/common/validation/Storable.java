package dev.atelier.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.atelier.common.StorableText;

/**
 * Text PostgreSQL can store: no NUL, no unpaired surrogate ({@link StorableText}). GraphQL inputs get this check for
 * every string from {@code InputRules}; other edges (the OpenAI-compatible body) declare it.
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = Storable.Validator.class)
public @interface Storable {

    String message() default "contains text that cannot be stored (a NUL character or an unpaired surrogate)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks StorableText. */
    final class Validator implements ConstraintValidator<Storable, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return StorableText.problem(value, "value") == null;
        }
    }
}
