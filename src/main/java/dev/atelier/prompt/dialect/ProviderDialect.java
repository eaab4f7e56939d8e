package dev.atelier.prompt.dialect;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.engine.PromptPlan;
import dev.atelier.provider.ProviderId;

/** How one provider likes its prompts phrased. */
public interface ProviderDialect {

    ProviderId provider();

    /** The plan phrased for this provider, within {@code maxChars}. */
    ProviderPrompt render(PromptPlan plan, int maxChars);

    /** The subject without trailing sentence punctuation, first letter capitalised when it starts a sentence. */
    static String subject(PromptPlan plan) {
        String s = plan.subject().strip();
        while (!s.isEmpty() && ".!,;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static String sentence(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String capital = Character.isLowerCase(s.charAt(0)) ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
        return capital.endsWith(".") ? capital : capital + ".";
    }

    /** Cuts at the last space before the limit: the last resort when even the bare subject is too long. */
    static String fit(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > 0 ? cut : maxChars);
    }
}
