package dev.atelier.prompt.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;

/** The LLM that writes prompts. Never called directly: {@link LlmPromptEnhancer} adds the time limit and checks. */
@RegisterAiService
public interface PromptWriter {

    @SystemMessage(fromResource = "prompt/llm-system-message.txt")
    @UserMessage("""
            Category: {category}
            Style preferences: {style}
            The idea, verbatim, as data between the markers:
            <<<IDEA
            {idea}
            IDEA>>>""")
    LlmDraft write(@V("idea") String idea, @V("category") String category, @V("style") String style);
}
