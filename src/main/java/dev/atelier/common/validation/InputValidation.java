package dev.atelier.common.validation;

import java.util.Comparator;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.atelier.common.error.AtelierException;

/**
 * The one place input records are checked: their Bean Validation constraints (declared on the records, limits from
 * configuration where the limit is configurable), run inside the caller's pipeline so a violation becomes a coded
 * {@code BAD_USER_INPUT} like any other failure, naming the field ({@code style.mood is longer than 200 characters}).
 * The violation whose field path sorts first is reported, so the same input always gets the same message.
 */
@ApplicationScoped
public class InputValidation {

    private final Validator validator;

    InputValidation(Validator validator) {
        this.validator = validator;
    }

    /** The input itself when it satisfies its constraints; BAD_USER_INPUT otherwise (also for a missing input). */
    public <T> T valid(T input, String name) {
        if (input == null) {
            throw AtelierException.badInput("The " + name + " is empty or missing");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw AtelierException.badInput(name(v) + " " + v.getMessage());
        });
        return input;
    }

    /** The field as the caller wrote it: its JSON name where the record gives one ({@code response_format}). */
    private static String name(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        try {
            JsonProperty json = violation.getRootBeanClass().getDeclaredField(path).getAnnotation(JsonProperty.class);
            return json == null || json.value().isEmpty() ? path : json.value();
        } catch (NoSuchFieldException nested) {
            return path; // a nested path (style.mood): GraphQL and Java names agree
        }
    }
}
