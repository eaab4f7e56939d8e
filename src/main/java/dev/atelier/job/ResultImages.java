package dev.atelier.job;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

import dev.atelier.gallery.ImageStore;
import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.GenerationResult;
import io.smallrye.mutiny.Uni;

/** Stores a generation's images (content-addressed) and describes the rows to insert for them. */
public final class ResultImages {

    private ResultImages() {
    }

    /** The cost is split evenly over the images. */
    public static Uni<List<JobStore.ImageRow>> store(ImageStore store, GenerationResult result) {
        List<GeneratedImage> generated = result.images();
        if (generated.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        BigDecimal each = result.costUsd().divide(BigDecimal.valueOf(generated.size()), 6, RoundingMode.HALF_UP);
        List<Uni<JobStore.ImageRow>> writes = generated.stream().map(image -> store.put(image.bytes(), image.mimeType())
                .map(blob -> new JobStore.ImageRow(UUID.randomUUID(), blob.storageKey(), blob.sha256(), image.mimeType(),
                        image.width(), image.height(), image.seed(), each, image.revisedPrompt())))
                .toList();
        return Uni.join().all(writes).andFailFast();
    }
}
