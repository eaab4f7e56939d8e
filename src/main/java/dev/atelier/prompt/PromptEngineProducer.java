package dev.atelier.prompt;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.atelier.prompt.engine.CategoryDetector;
import dev.atelier.prompt.engine.TemplateEnhancer;

/** Wires the plain-Java template engine into CDI (it stays usable without a container, e.g. in the bench). */
public class PromptEngineProducer {

    @Produces
    @Singleton
    TemplateEnhancer templateEnhancer(PromptConfig config) {
        return new TemplateEnhancer(CategoryDetector.withBundledLexicon(), config.providerMaxChars());
    }
}
