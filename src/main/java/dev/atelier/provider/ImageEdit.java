package dev.atelier.provider;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What an edit starts from: the source image, an optional mask (a PNG whose transparent pixels are the area to
 * repaint; the same size as the source), reference images for providers that take them, and how far an
 * image-to-image provider may move away from the source ({@code strength} 0-1; null = the provider's default).
 */
public record ImageEdit(EditImage source, EditImage mask, List<EditImage> references, Double strength) {

    public ImageEdit {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Whether the edit repaints only the masked area (inpainting). */
    @JsonIgnore
    public boolean masked() {
        return mask != null;
    }

    /** Every image of the edit: source, mask, references. */
    @JsonIgnore
    public List<EditImage> images() {
        return Stream.concat(Stream.of(source, mask).filter(i -> i != null), references.stream()).toList();
    }

    /** Whether the worker has read every image's bytes. */
    @JsonIgnore
    public boolean loaded() {
        return images().stream().allMatch(i -> i.bytes() != null);
    }

    /** The same edit with the images' bytes, in {@link #images()} order. */
    public ImageEdit withBytes(List<byte[]> bytes) {
        int at = 0;
        EditImage src = source.withBytes(bytes.get(at++));
        EditImage msk = mask == null ? null : mask.withBytes(bytes.get(at++));
        List<EditImage> refs = new java.util.ArrayList<>();
        for (EditImage reference : references) {
            refs.add(reference.withBytes(bytes.get(at++)));
        }
        return new ImageEdit(src, msk, refs, strength);
    }
}
