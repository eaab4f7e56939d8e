package dev.atelier.routing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atelier.common.error.AtelierException;
import dev.atelier.prompt.engine.PromptText;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.Quality;

/** Validates a {@link GenerateImageInput} and turns it into what the router works with. */
public final class GenerationRequests {

    static final Pattern SIZE = Pattern.compile("^(\\d{2,4})x(\\d{2,4})$");
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 4096;
    public static final int MAX_COUNT = 10;
    public static final int MAX_PROMPT = 4000;

    private GenerationRequests() {
    }

    public static RoutingRequest toRouting(GenerateImageInput input, BigDecimal maxCostUsd) {
        if (input == null) {
            throw AtelierException.badInput("The generation input is missing");
        }
        String prompt = PromptText.clean(input.prompt());
        if (prompt.isEmpty()) {
            throw AtelierException.badInput("Describe the image you want: the prompt is empty");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw AtelierException.badInput("The prompt is " + prompt.length() + " characters long; the limit is " + MAX_PROMPT);
        }
        int[] size = size(input.size());
        int count = input.count() == null ? 1 : input.count();
        if (count < 1 || count > MAX_COUNT) {
            throw AtelierException.badInput("count must be between 1 and " + MAX_COUNT);
        }
        if (input.seed() != null && input.seed() < 0) {
            throw AtelierException.badInput("seed must not be negative");
        }
        String negative = input.negativePrompt() == null ? null : PromptText.clean(input.negativePrompt());
        if (negative != null && negative.length() > MAX_PROMPT) {
            throw AtelierException.badInput("negativePrompt is longer than " + MAX_PROMPT + " characters");
        }
        ImageRequest image = new ImageRequest(prompt, negative == null || negative.isEmpty() ? null : negative,
                size[0], size[1], count, input.quality() == null ? Quality.STANDARD : input.quality(),
                input.seed() == null ? null : input.seed().longValue(), null, null);
        return new RoutingRequest(image, input.provider(), Boolean.TRUE.equals(input.allowFallback()), input.budget(),
                input.priority(), maxCostUsd);
    }

    /** "WIDTHxHEIGHT", each side 64..4096. */
    public static int[] size(String size) {
        String value = size == null ? "1024x1024" : size.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw AtelierException.badInput("size must look like 1024x1024");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) {
            throw AtelierException.badInput("each side of size must be between " + MIN_SIDE + " and " + MAX_SIDE + " pixels");
        }
        return new int[] { w, h };
    }
}
