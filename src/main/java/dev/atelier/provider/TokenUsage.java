package dev.atelier.provider;

/**
 * The tokens a vendor says a generation used (OpenAI's {@code usage}, Gemini's {@code usageMetadata}): what a
 * token-billed model's bill is computed from.
 *
 * @param textInput   prompt text tokens
 * @param imageInput  input image tokens (edits, references)
 * @param imageOutput generated image tokens
 * @param textOutput  generated text tokens (Gemini may answer text beside the image)
 */
public record TokenUsage(long textInput, long imageInput, long imageOutput, long textOutput) {

    /** Both together (several calls for one request). */
    public TokenUsage plus(TokenUsage other) {
        return other == null ? this : new TokenUsage(textInput + other.textInput, imageInput + other.imageInput,
                imageOutput + other.imageOutput, textOutput + other.textOutput);
    }
}
