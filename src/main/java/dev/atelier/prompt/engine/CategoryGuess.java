package dev.atelier.prompt.engine;

import dev.atelier.prompt.Category;

/** A detected category and how sure the detector is (0..1). */
public record CategoryGuess(Category category, double confidence) {
}
