package dev.atelier.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import dev.atelier.prompt.ProviderPrompt;
import dev.atelier.prompt.dialect.ProviderDialect;
import dev.atelier.provider.ProviderId;

/**
 * The words each provider of a job's chain is sent. The prompt: the caller's variant for that provider, else the
 * enhancement's (the reviewed one the job names by {@code promptId}, or the one made for it), else the job's own
 * prompt; fitted to the provider's length. The negative prompt: the caller's variant's, else the job's, else the
 * enhancement's. So after a failover the next provider gets its own phrasing, never the previous one's.
 */
public final class ProviderWording implements Function<ProviderId, ProviderPrompt> {

    private final JobRequest request;
    private final Map<ProviderId, ProviderPrompt> own;
    private final Map<ProviderId, ProviderPrompt> enhanced;
    private final ToIntFunction<ProviderId> maxChars;

    private ProviderWording(JobRequest request, List<ProviderPrompt> enhanced, ToIntFunction<ProviderId> maxChars) {
        this.request = request;
        this.own = byProvider(request.variants());
        this.enhanced = byProvider(enhanced);
        this.maxChars = maxChars;
    }

    /** The words for {@code request}, with {@code enhanced} the variants of its enhancement (empty: none). */
    public static ProviderWording of(JobRequest request, List<ProviderPrompt> enhanced,
            ToIntFunction<ProviderId> maxChars) {
        return new ProviderWording(request, enhanced, maxChars);
    }

    @Override
    public ProviderPrompt apply(ProviderId id) {
        ProviderPrompt mine = own.get(id);
        ProviderPrompt made = enhanced.get(id);
        String prompt = mine != null ? mine.prompt() : made != null ? made.prompt() : request.prompt();
        String negative = firstOf(mine == null ? null : mine.negativePrompt(), request.negativePrompt(),
                made == null ? null : made.negativePrompt());
        return new ProviderPrompt(id, ProviderDialect.fit(prompt, maxChars.applyAsInt(id)), negative);
    }

    private static String firstOf(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    private static Map<ProviderId, ProviderPrompt> byProvider(List<ProviderPrompt> variants) {
        Map<ProviderId, ProviderPrompt> map = new EnumMap<>(ProviderId.class);
        for (ProviderPrompt variant : variants) {
            map.putIfAbsent(variant.provider(), variant);
        }
        return map;
    }
}
