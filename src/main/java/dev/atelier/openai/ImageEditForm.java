package dev.atelier.openai;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart body of OpenAI's {@code POST /v1/images/edits} (openai-python {@code image_edit_params.py}, the API
 * reference "Create image edit", read 2026-12-01): one image as {@code image}, several as repeated {@code image[]}
 * parts (the official SDKs send an array that way, a single file as {@code image}), an optional {@code mask}, and
 * the generation fields as text parts. Fields Atelier does not use ({@code background}, {@code output_format},
 * {@code output_compression}, {@code input_fidelity}, {@code moderation}, {@code user}) are accepted and ignored.
 */
public class ImageEditForm {

    @RestForm("image")
    public List<FileUpload> image;

    @RestForm("image[]")
    public List<FileUpload> images;

    @RestForm("mask")
    public FileUpload mask;

    @RestForm("prompt")
    public String prompt;

    @RestForm("model")
    public String model;

    @RestForm("n")
    public String n;

    @RestForm("size")
    public String size;

    @RestForm("quality")
    public String quality;

    @RestForm("response_format")
    public String responseFormat;

    @RestForm("stream")
    public String stream;

    @RestForm("partial_images")
    public String partialImages;

    /** Every image part, in the order sent: {@code image} parts first, then {@code image[]} parts. */
    List<FileUpload> files() {
        return java.util.stream.Stream.concat(image == null ? java.util.stream.Stream.empty() : image.stream(),
                images == null ? java.util.stream.Stream.empty() : images.stream()).toList();
    }
}
