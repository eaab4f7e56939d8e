package dev.atelier.job;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.json.JsonObject;

/**
 * The one way records go in and out of the jsonb columns of {@code generation_jobs} ({@code request},
 * {@code attempts}): through the application's Jackson mapper, so a record's JSON names are its component names.
 */
@ApplicationScoped
public class JsonColumns {

    private final ObjectMapper json;

    JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    /** The record as a value the pg client binds to jsonb. */
    public JsonObject write(Object value) {
        try {
            return new JsonObject(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException("Not writable as JSON: " + value.getClass().getSimpleName(), e);
        }
    }

    /** A jsonb column's value as a record of {@code type}; null stays null. */
    public <T> T read(JsonObject column, Class<T> type) {
        if (column == null) {
            return null;
        }
        try {
            return json.readValue(column.toBuffer().getBytes(), type);
        } catch (IOException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " is not readable", e);
        }
    }
}
