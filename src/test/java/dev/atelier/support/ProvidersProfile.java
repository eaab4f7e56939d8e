package dev.atelier.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Every vendor adapter pointed at its own WireMock, with fault tolerance tightened so failure tests stay quick:
 * 1.5 s generation limit, 20 ms retry delay, breakers that open after 4 calls at 50% failures and retry after 1 s.
 */
public class ProvidersProfile implements QuarkusTestProfile {

    static final List<String> ADAPTERS = List.of(
            "dev.atelier.provider.openai.OpenAiImageProvider",
            "dev.atelier.provider.google.GoogleImageProvider",
            "dev.atelier.provider.stability.StabilityImageProvider",
            "dev.atelier.provider.sdwebui.SdWebUiImageProvider");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("atelier.providers.generate-timeout-ms", "1500");
        for (String adapter : ADAPTERS) {
            String m = adapter + "/generate/";
            config.put(m + "Timeout/value", "1500");
            config.put(m + "Retry/delay", "20");
            config.put(m + "CircuitBreaker/requestVolumeThreshold", "4");
            config.put(m + "CircuitBreaker/failureRatio", "0.5");
            config.put(m + "CircuitBreaker/delay", "1000");
        }
        config.put("atelier.providers.openai.max-retry-wait", "PT2S");
        config.put("atelier.providers.google.max-retry-wait", "PT2S");
        config.put("atelier.providers.stability.max-retry-wait", "PT2S");
        config.put("atelier.routing.rate-limit.SDWEBUI.requests", "10");
        config.put("atelier.routing.rate-limit.SDWEBUI.window", "PT1M");
        // the production budgets (50-60/min) would throttle the failover bench
        config.put("atelier.routing.rate-limit.OPENAI.requests", "1000000");
        config.put("atelier.routing.rate-limit.GOOGLE.requests", "1000000");
        // an operator's change to the catalogue: sunburst's replacement (none is listed while it is current)
        config.put("atelier.catalogue.overrides", """
                {"models": [{"provider": "OPENAI", "id": "gpt-image-2.6-sunburst", "replacement": "gpt-image-2.6-flare"}]}""");
        config.put("atelier.routing.models.refresh-every", "1s");
        // a rented GPU: billed by the second
        config.put("atelier.providers.sdwebui.price-per-gpu-second", "0.0005");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(VendorWireMock.OpenAi.class),
                new TestResourceEntry(VendorWireMock.Google.class),
                new TestResourceEntry(VendorWireMock.Stability.class),
                new TestResourceEntry(VendorWireMock.SdWebUi.class));
    }
}
