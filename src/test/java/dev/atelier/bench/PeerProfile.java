package dev.atelier.bench;

import java.util.HashMap;
import java.util.Map;

import dev.atelier.support.ProvidersProfile;

/**
 * The vendor fakes of {@link ProvidersProfile} with production time limits and breakers: at 16 clients moving
 * multi-megabyte images on two cores a call can take longer than the failure tests' 1.5 s.
 */
public class PeerProfile extends ProvidersProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("atelier.providers.generate-timeout-ms", "120000");
        String m = "dev.atelier.provider.openai.OpenAiImageProvider/generate/";
        config.put(m + "Timeout/value", "120000");
        config.put(m + "CircuitBreaker/requestVolumeThreshold", "1000");
        return config;
    }
}
