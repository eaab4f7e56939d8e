package dev.atelier.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.image.ImageHeader;
import dev.atelier.common.validation.InputValidation;
import dev.atelier.gallery.EditSources;
import dev.atelier.gallery.Image;
import dev.atelier.gallery.Uploads;
import dev.atelier.provider.EditImage;
import dev.atelier.provider.ImageEdit;
import dev.atelier.routing.GenerationRequests;
import dev.atelier.routing.ProviderRouter;
import dev.atelier.routing.RoutingFailure;
import io.smallrye.mutiny.Uni;

/**
 * {@code /v1/images/edits} as a job like every other: the images sent are kept as the caller's UPLOADED images
 * (checked all before any is stored), the first is the source and the mask applies to it, the rest are references;
 * then the edit runs inline ({@link InlineGenerations}) on a provider that can make it, and the result is EDITED
 * with its source's lineage. The prompt is used as given, as OpenAI would.
 */
@ApplicationScoped
public class InlineEdits {

    /** OpenAI takes up to 16 images per edit. */
    static final int MAX_IMAGES = 16;

    /** What an edit request became. */
    record Parsed(OpenAiImageRequest request, boolean stream) {
    }

    private final Uploads uploads;
    private final EditSources sources;
    private final InputValidation validation;
    private final GenerationRequests requests;
    private final InlineGenerations generations;
    private final ProviderRouter router;

    InlineEdits(Uploads uploads, EditSources sources, InputValidation validation, GenerationRequests requests,
            InlineGenerations generations, ProviderRouter router) {
        this.router = router;
        this.uploads = uploads;
        this.sources = sources;
        this.validation = validation;
        this.requests = requests;
        this.generations = generations;
    }

    /** Checks the form's fields and declared sizes before any file is read; runs the edit; answers like a generation. */
    Uni<Edited> edit(UUID userId, ImageEditForm form) {
        List<FileUpload> files = form.files();
        if (files.isEmpty()) {
            throw AtelierException.badInput("Send the image to edit as the multipart field image (or image[])");
        }
        if (files.size() > MAX_IMAGES) {
            throw AtelierException.badInput("An edit takes at most " + MAX_IMAGES + " images; this one has "
                    + files.size());
        }
        List<FileUpload> all = new ArrayList<>(files);
        if (form.mask != null) {
            all.add(form.mask);
        }
        ImageGenerationBody body = validation.valid(body(form, null), "request body");
        // an edit no provider can make is refused before any image is kept
        RoutingFailure unservable = router.unservable(router.decide(OpenAiImageRequest.parse(body, requests::servedBy)
                .routing().editing(shape(files.size() - 1, form.mask != null))));
        if (unservable != null) {
            throw unservable;
        }
        boolean masked = form.mask != null;
        return uploads.read(all)
                .flatMap(bytes -> {
                    List<ImageHeader> headers = uploads.checkAll(bytes);
                    if (masked) {
                        // the mask is checked against the source before either is kept
                        ImageHeader source = headers.get(0);
                        ImageHeader mask = headers.get(headers.size() - 1);
                        EditSources.refuseMask("mask", source.width(), source.height(), mask.mimeType(), mask.width(),
                                mask.height(), bytes.get(bytes.size() - 1));
                    }
                    return uploads.storeAll(userId, bytes, headers);
                })
                .flatMap(kept -> run(userId, form, body, kept));
    }

    /** An edit's shape before its images are read: what routing needs (a mask or not, how many references). */
    private static ImageEdit shape(int references, boolean masked) {
        EditImage unknown = new EditImage(null, "image/png", 1, 1, null);
        return new ImageEdit(unknown, masked ? unknown : null, java.util.Collections.nCopies(references, unknown), null);
    }

    /** A finished inline edit and how it was asked for. */
    record Edited(OpenAiImageRequest request, InlineGenerations.Done done, boolean stream) {
    }

    private Uni<Edited> run(UUID userId, ImageEditForm form, ImageGenerationBody checked, List<Image> kept) {
        Image source = kept.get(0);
        boolean masked = form.mask != null;
        int references = kept.size() - 1 - (masked ? 1 : 0);
        String size = checked.size() == null || "auto".equalsIgnoreCase(checked.size())
                ? GenerationRequests.editSize(source.width(), source.height()) : checked.size();
        OpenAiImageRequest request = OpenAiImageRequest.parse(body(form, size), requests::servedBy);
        List<EditSources.Named> refs = new ArrayList<>();
        for (int i = 1; i <= references; i++) {
            refs.add(named("image[" + i + "]", kept.get(i)));
        }
        EditSources.Named mask = masked ? named("mask", kept.get(kept.size() - 1)) : null;
        return sources.resolve(userId, named("image", source), mask, refs, null)
                .flatMap(edit -> sources.load(userId, edit))
                .flatMap(loaded -> generations.generate(userId, request.job().withEdit(loaded)))
                .map(done -> new Edited(request, done, Boolean.TRUE.equals(checked.stream())));
    }

    private static EditSources.Named named(String field, Image image) {
        return new EditSources.Named(field, UUID.fromString(image.id()));
    }

    private static ImageGenerationBody body(ImageEditForm form, String size) {
        return new ImageGenerationBody(form.prompt, form.model, integer("n", form.n), size != null ? size : form.size,
                form.quality, form.responseFormat, null, bool("stream", form.stream),
                integer("partial_images", form.partialImages));
    }

    private static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw AtelierException.badInput(field + " must be a whole number");
        }
    }

    private static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw AtelierException.badInput(field + " must be true or false");
        };
    }
}
