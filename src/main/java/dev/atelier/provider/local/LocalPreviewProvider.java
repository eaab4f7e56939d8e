package dev.atelier.provider.local;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;

import dev.atelier.provider.EditSupport;
import dev.atelier.provider.GeneratedImage;
import dev.atelier.provider.GenerationResult;
import dev.atelier.provider.ImageProvider;
import dev.atelier.provider.ImageRequest;
import dev.atelier.provider.ProbeResult;
import dev.atelier.provider.ProgressListener;
import dev.atelier.provider.ProviderCapabilities;
import dev.atelier.provider.ProviderErrorKind;
import dev.atelier.provider.ProviderException;
import dev.atelier.provider.ProviderId;
import dev.atelier.provider.Quote;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * LOCAL: the offline preview renderer, honestly labelled a preview, costing nothing. It keeps the whole flow
 * working on a machine with no vendor configured (dev mode, tests, demos).
 */
@ApplicationScoped
public class LocalPreviewProvider implements ImageProvider {

    public static final String MODEL = "local-preview-v1";

    private final LocalConfig config;
    private final PreviewRenderer renderer = new PreviewRenderer();

    LocalPreviewProvider(LocalConfig config) {
        this.config = config;
    }

    @Override
    public ProviderId id() {
        return ProviderId.LOCAL;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public boolean configured() {
        return config.enabled();
    }

    /** The preview recolours inside the mask (or the whole source), by strength; no reference images, no WebP. */
    static final EditSupport EDITS = new EditSupport(true, true, true, 0, false);

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(Set.of(), config.maxPixels(), 4, false, true, Set.of(), EDITS);
    }

    @Override
    public Quote quote(ImageRequest request) {
        return new Quote(id(), MODEL, config.pricePerImageUsd().multiply(BigDecimal.valueOf(request.count())));
    }

    @Override
    @Timeout(60_000)
    public Uni<GenerationResult> generate(ImageRequest request, ProgressListener progress) {
        if (!capabilities().supportsSize(request.width(), request.height())) {
            return Uni.createFrom().failure(ProviderException.of(id(), ProviderErrorKind.BAD_REQUEST,
                    "The preview renderer draws at most " + config.maxPixels() + " pixels", null, 0,
                    Duration.ZERO));
        }
        return Uni.createFrom().item(() -> render(request, progress))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private GenerationResult render(ImageRequest request, ProgressListener progress) {
        progress.progress(0.1, "composing preview");
        PreviewScene scene = PreviewScene.of(request.theme());
        long baseSeed = request.seed() == null ? 0L : request.seed();
        List<GeneratedImage> images = new ArrayList<>();
        int count = Math.max(1, request.count());
        for (int i = 0; i < count; i++) {
            long seed = baseSeed + i;
            byte[] png = request.isEdit()
                    ? PreviewEditor.edit(request.edit(), request.prompt(), request.width(), request.height(), seed)
                    : renderer.render(request.prompt(), scene, seed, request.width(), request.height());
            images.add(new GeneratedImage(png, "image/png", request.width(), request.height(), seed,
                    (request.isEdit() ? "[LOCAL edit preview] " : "[LOCAL preview] ") + request.prompt()));
            progress.progress(0.1 + 0.85 * (i + 1) / count, "drawing preview " + (i + 1) + " of " + count);
        }
        return new GenerationResult(id(), MODEL, List.copyOf(images),
                config.pricePerImageUsd().multiply(BigDecimal.valueOf(images.size())));
    }

    @Override
    public Uni<ProbeResult> probe() {
        return Uni.createFrom().item(config.enabled() ? ProbeResult.up("offline renderer", 0)
                : ProbeResult.down("disabled", 0));
    }
}
