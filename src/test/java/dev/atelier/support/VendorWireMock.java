package dev.atelier.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server per vendor on a dynamic port; subclasses say which configuration points the vendor's adapter
 * at it. Tests reach a vendor's server through {@link #server(Class)}.
 */
public abstract class VendorWireMock implements QuarkusTestResourceLifecycleManager {

    private static final Map<Class<?>, WireMockServer> SERVERS = new ConcurrentHashMap<>();

    private WireMockServer server;

    /** The configuration that sends the adapter to this fake. */
    protected abstract Map<String, String> config(String baseUrl);

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        SERVERS.put(getClass(), server);
        return config(server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            SERVERS.remove(getClass());
        }
    }

    /** Every fake of the profile without stubs or recorded requests ({@link ProviderState} resets the rest). */
    static void resetServers() {
        SERVERS.values().forEach(WireMockServer::resetAll);
    }

    public static WireMockServer server(Class<? extends VendorWireMock> vendor) {
        WireMockServer server = SERVERS.get(vendor);
        if (server == null) {
            throw new IllegalStateException(vendor.getSimpleName() + " is not running in this test profile");
        }
        return server;
    }

    /** Fake OpenAI Images API. */
    public static class OpenAi extends VendorWireMock {
        @Override
        protected Map<String, String> config(String baseUrl) {
            return Map.of("atelier.providers.openai.api-key", "sk-test-images-key",
                    "atelier.providers.openai.base-url", baseUrl + "/v1",
                    "atelier.providers.openai.model", "gpt-image-2.6-sunburst");
        }
    }

    /** Fake Vertex AI. */
    public static class Google extends VendorWireMock {
        @Override
        protected Map<String, String> config(String baseUrl) {
            return Map.of("atelier.providers.google.project-id", "atelier-test",
                    "atelier.providers.google.location", "us-central1",
                    "atelier.providers.google.base-url", baseUrl,
                    "atelier.providers.google.access-token", "ya29.test-token",
                    "atelier.providers.google.model", "gemini-3.1-flash-image");
        }
    }

    /** Fake Stability API. */
    public static class Stability extends VendorWireMock {
        @Override
        protected Map<String, String> config(String baseUrl) {
            return Map.of("atelier.providers.stability.api-key", "sk-test-stability-key",
                    "atelier.providers.stability.base-url", baseUrl,
                    "atelier.providers.stability.model", "sd3.5-large");
        }
    }

    /** Fake AUTOMATIC1111 web UI. */
    public static class SdWebUi extends VendorWireMock {
        @Override
        protected Map<String, String> config(String baseUrl) {
            return Map.of("atelier.providers.sdwebui.base-url", baseUrl,
                    "quarkus.rest-client.sdwebui.url", baseUrl,
                    "atelier.providers.sdwebui.progress-interval", "PT0.05S");
        }
    }
}
