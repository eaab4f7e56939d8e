package dev.atelier.prompt.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.atelier.prompt.Category;

/** The PartiPrompts evaluation set (test resources, Apache-2.0, see data/NOTICE.md). */
public final class PartiPrompts {

    /** PartiPrompts category → Atelier category, as given with the data set. */
    public static final Map<String, Category> MAPPING = Map.ofEntries(
            Map.entry("People", Category.PORTRAIT),
            Map.entry("Outdoor Scenes", Category.LANDSCAPE),
            Map.entry("Animals", Category.ANIMAL),
            Map.entry("Food & Beverage", Category.FOOD),
            Map.entry("Produce & Plants", Category.FOOD),
            Map.entry("Artifacts", Category.PRODUCT),
            Map.entry("Vehicles", Category.PRODUCT),
            Map.entry("Indoor Scenes", Category.ARCHITECTURE),
            Map.entry("Abstract", Category.ABSTRACT),
            Map.entry("Illustrations", Category.ART),
            Map.entry("Arts", Category.ART));

    public record Entry(String prompt, String partiCategory) {
        public Optional<Category> expected() {
            return Optional.ofNullable(MAPPING.get(partiCategory));
        }
    }

    private PartiPrompts() {
    }

    public static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PartiPrompts.class.getResourceAsStream("/data/PartiPrompts.tsv"), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split("\t", -1);
                if (columns.length >= 2 && !columns[0].isBlank()) {
                    entries.add(new Entry(columns[0], columns[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
