package dev.atelier.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake OpenAI-compatible chat completions API on a dynamic port, for the LLM enhancer. Tests inject the server
 * with {@code @InjectWireMock} and stub answers shaped like OpenAI's.
 */
public class OpenAiChatWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1",
                "quarkus.langchain4j.openai.api-key", "sk-test-not-a-real-key",
                "atelier.prompt.llm.enabled", "true");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** OpenAI's chat completion response with the given assistant message content. */
    public static String completion(String content) {
        return """
                {"id": "chatcmpl-AtelierTest", "object": "chat.completion", "created": 1764150000,
                 "model": "gpt-4o-mini-2024-07-18",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 212, "completion_tokens": 96, "total_tokens": 308},
                 "system_fingerprint": "fp_test"}""".formatted(quote(content));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
