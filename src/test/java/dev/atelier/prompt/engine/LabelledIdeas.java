package dev.atelier.prompt.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.atelier.prompt.Category;

/** The team's labelled ideas ({@code prompt/labelled-ideas.tsv}): what a user types, and its category. */
public final class LabelledIdeas {

    public record Idea(Category expected, String text) {
    }

    private LabelledIdeas() {
    }

    public static List<Idea> load() {
        try (InputStream in = LabelledIdeas.class.getResourceAsStream("/prompt/labelled-ideas.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 2))
                    .map(c -> new Idea(Category.valueOf(c[0].trim()), c[1].trim())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The share the detector gets right. */
    public static double accuracy(CategoryDetector detector, List<Idea> ideas, List<String> misses) {
        int right = 0;
        for (Idea idea : ideas) {
            Category guess = detector.detect(idea.text()).category();
            if (guess == idea.expected()) {
                right++;
            } else if (misses != null) {
                misses.add(idea.expected() + " <- " + guess + ": " + idea.text());
            }
        }
        return (double) right / ideas.size();
    }
}
