package dev.atelier.provider.catalogue;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

import dev.atelier.provider.EditSupport;

/**
 * What a model accepts, as its vendor documents it. Absent values mean "not known" and fall back to the provider's
 * defaults in the catalogue.
 *
 * @param sizes          accepted "WxH" sizes; empty means any size within {@code maxPixels}
 * @param maxPixels      the largest image, in pixels, when any size is accepted
 * @param aspectRatios   accepted aspect ratios where the vendor takes a ratio instead of a size ("16:9")
 * @param imageSizes     accepted resolution classes where the vendor names them (Gemini's "1K", "2K", "4K")
 * @param maxCount       most images per request
 * @param seed           whether a seed is honoured
 * @param negativePrompt whether a negative prompt is honoured
 * @param edits          whether the model edits images (instruction edits or image-to-image)
 * @param maxPromptChars the longest prompt, in characters
 * @param masks          whether an edit can repaint only a masked area (inpainting)
 * @param strength       whether an edit takes an image-to-image strength
 * @param maxReferenceImages how many reference images an edit takes beside its source
 * @param languages      the languages its prompt encoder reads ({@code en}; {@code *} = many: GPT Image, Gemini)
 */
@Type("ModelCapabilities")
@Description("What a model accepts; a null field is not known.")
public record ModelLimits(List<String> sizes, Long maxPixels, List<String> aspectRatios, List<String> imageSizes,
        Integer maxCount, Boolean seed, Boolean negativePrompt, Boolean edits, Integer maxPromptChars, Boolean masks,
        Boolean strength, Integer maxReferenceImages, List<String> languages) {

    public ModelLimits {
        sizes = sizes == null ? null : List.copyOf(sizes);
        aspectRatios = aspectRatios == null ? null : List.copyOf(aspectRatios);
        imageSizes = imageSizes == null ? null : List.copyOf(imageSizes);
        languages = languages == null ? null : List.copyOf(languages);
    }

    /** Whether the model reads prompts in {@code language} (null = English); unknown is taken as yes. */
    @Ignore
    public boolean reads(String language) {
        return language == null || languages == null || languages.contains("*") || languages.contains(language);
    }

    /** These limits with every unknown value taken from {@code defaults}. */
    public ModelLimits orElse(ModelLimits defaults) {
        if (defaults == null) {
            return this;
        }
        return new ModelLimits(sizes != null ? sizes : defaults.sizes, maxPixels != null ? maxPixels : defaults.maxPixels,
                aspectRatios != null ? aspectRatios : defaults.aspectRatios,
                imageSizes != null ? imageSizes : defaults.imageSizes, maxCount != null ? maxCount : defaults.maxCount,
                seed != null ? seed : defaults.seed, negativePrompt != null ? negativePrompt : defaults.negativePrompt,
                edits != null ? edits : defaults.edits,
                maxPromptChars != null ? maxPromptChars : defaults.maxPromptChars,
                masks != null ? masks : defaults.masks, strength != null ? strength : defaults.strength,
                maxReferenceImages != null ? maxReferenceImages : defaults.maxReferenceImages,
                languages != null ? languages : defaults.languages);
    }

    /** How the model edits, unknown values read as "cannot". */
    @Ignore
    public EditSupport editSupport() {
        boolean any = Boolean.TRUE.equals(edits);
        return !any ? EditSupport.NONE : new EditSupport(true, Boolean.TRUE.equals(masks), Boolean.TRUE.equals(strength),
                maxReferenceImages == null ? 0 : maxReferenceImages, true);
    }
}
