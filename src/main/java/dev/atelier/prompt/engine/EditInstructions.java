package dev.atelier.prompt.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.provider.ProviderId;

/**
 * Edit instructions ("make it night", "remove the car") phrased for each provider's edit dialect, keeping every
 * content word and never re-describing the scene as a new image. Instruction-following models (OpenAI, Gemini)
 * get the instruction as a sentence and are told to keep the rest of the image; the Stable Diffusion family
 * (Stability, the SD web UI, the LOCAL preview) reads a prompt as a description of what the repainted pixels show,
 * so the instruction's frame ("make it", "turn it into", "add") is dropped, and what is to be removed ("remove",
 * "without", "replace A with B") moves to the negative prompt. Deterministic and offline; nothing is recorded in the
 * prompt history.
 */
public final class EditInstructions {

    private static final Pattern REMOVE = Pattern.compile(
            "^(?:please\\s+)?(?:remove|delete|erase|get rid of|take out|take away)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WITHOUT = Pattern.compile("^(.*?)\\s*\\bwithout\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLACE = Pattern.compile(
            "^(?:please\\s+)?(?:replace|swap)\\s+(.+?)\\s+(?:with|for|by)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE = Pattern.compile(
            "^(?:please\\s+)?(?:change|turn)\\s+(.+?)\\s+(?:to|into)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAME = Pattern.compile(
            "^(?:please\\s+)?(?:make (?:it|this|the (?:image|picture|photo|scene))(?: look)?(?: like)?|turn (?:it|this) into"
                    + "|transform (?:it|this) into|add|put|give (?:it|this)|show|change (?:it|this) (?:to|into)"
                    + "|convert (?:it|this) (?:to|into)|set (?:it|this) (?:at|in|during))\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);

    private EditInstructions() {
    }

    /** The instruction as each provider is sent it; {@code masked}: only the mask's area is repainted. */
    public static List<ProviderPrompt> variants(String instruction, boolean masked) {
        String text = PromptText.nameEmoji(PromptText.clean(instruction));
        List<ProviderPrompt> variants = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            variants.add(natural(id) ? new ProviderPrompt(id, sentence(text, masked), null) : described(id, text));
        }
        return List.copyOf(variants);
    }

    private static boolean natural(ProviderId id) {
        return id == ProviderId.OPENAI || id == ProviderId.GOOGLE;
    }

    private static String sentence(String text, boolean masked) {
        String instruction = capitalised(strip(text));
        return masked
                ? "Edit only the masked area of the provided image: " + instruction + ". Leave everything outside the "
                        + "mask untouched and blend the change seamlessly into it."
                : "Edit the provided image: " + instruction + ". Keep everything else as it is - the composition, "
                        + "subjects, framing and style - changing only what this instruction asks for.";
    }

    /** What the repainted pixels should show, and what they should not. */
    private static ProviderPrompt described(ProviderId id, String text) {
        String plain = strip(text);
        Matcher m;
        if ((m = REPLACE.matcher(plain)).matches()) {
            return new ProviderPrompt(id, m.group(2) + ", seamlessly blended, matching lighting and perspective",
                    m.group(1));
        }
        if ((m = REMOVE.matcher(plain)).matches()) {
            return new ProviderPrompt(id, "empty background, seamless continuation of the surroundings, matching "
                    + "lighting and texture", m.group(1));
        }
        if ((m = CHANGE.matcher(plain)).matches() && !startsWithPronoun(m.group(1))) {
            return new ProviderPrompt(id, m.group(2) + ", seamlessly blended, matching lighting and perspective",
                    m.group(1));
        }
        if ((m = WITHOUT.matcher(plain)).matches() && !m.group(1).isBlank()) {
            return new ProviderPrompt(id, described(id, m.group(1)).prompt(), m.group(2));
        }
        String subject = (m = FRAME.matcher(plain)).matches() ? m.group(1) : plain;
        return new ProviderPrompt(id, subject + ", consistent with the original composition and lighting", null);
    }

    private static boolean startsWithPronoun(String words) {
        String first = words.toLowerCase(Locale.ROOT).split("\\s+")[0];
        return first.equals("it") || first.equals("this");
    }

    private static String strip(String text) {
        String s = text.strip();
        while (!s.isEmpty() && ".!,;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String capitalised(String s) {
        return s.isEmpty() || !Character.isLowerCase(s.charAt(0)) ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
