package dev.atelier.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The LLM enhancer switched on, with a short time limit so fallback tests stay quick. */
public class LlmProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("atelier.prompt.llm.timeout-ms", "1000");
    }
}
