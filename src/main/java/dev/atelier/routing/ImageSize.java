package dev.atelier.routing;

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

/**
 * An image size, {@code WIDTHxHEIGHT} with each side {@value GenerationRequests#MIN_SIDE} to
 * {@value GenerationRequests#MAX_SIDE} pixels; absent means the default. With {@code allowAuto}, {@code auto} too
 * (OpenAI's word for "the model's default").
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = ImageSize.Validator.class)
public @interface ImageSize {

    boolean allowAuto() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses the size the way the router will. */
    final class Validator implements ConstraintValidator<ImageSize, String> {
        private boolean allowAuto;

        @Override
        public void initialize(ImageSize annotation) {
            allowAuto = annotation.allowAuto();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || (allowAuto && "auto".equalsIgnoreCase(value.trim()))) {
                return true;
            }
            String problem = GenerationRequests.sizeProblem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
