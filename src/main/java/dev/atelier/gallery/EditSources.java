package dev.atelier.gallery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;
import dev.atelier.provider.EditImage;
import dev.atelier.provider.EditMasks;
import dev.atelier.provider.ImageEdit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The images an edit works from. At admission: each must be one the caller may read (their own, or shared through
 * a PUBLIC or UNLISTED collection; anything else is NOT_FOUND, like a missing one), and a mask must be a PNG of the
 * source's size with transparent pixels. When the job runs: their bytes, read again under the same rule (an image
 * deleted or un-shared meanwhile is NOT_FOUND).
 */
@ApplicationScoped
public class EditSources {

    private final Pool pool;
    private final ImageStore store;

    EditSources(Pool pool, ImageStore store) {
        this.pool = pool;
        this.store = store;
    }

    /** A named image of an edit: the field it came from and its id. */
    public record Named(String field, UUID id) {
    }

    /** The edit of {@code source} (with {@code mask} and {@code references}, each optional) as the reader may make it. */
    public Uni<ImageEdit> resolve(UUID reader, Named source, Named mask, List<Named> references, Double strength) {
        List<Named> all = new ArrayList<>();
        all.add(source);
        if (mask != null) {
            all.add(mask);
        }
        all.addAll(references);
        return rows(reader, all.stream().map(Named::id).distinct().toList()).flatMap(found -> {
            for (Named named : all) {
                if (!found.containsKey(named.id())) {
                    throw new AtelierException(ErrorCode.NOT_FOUND,
                            named.field() + ": image " + named.id() + " was not found");
                }
            }
            EditImage src = found.get(source.id()).image();
            List<EditImage> refs = references.stream().map(r -> found.get(r.id()).image()).toList();
            if (mask == null) {
                return Uni.createFrom().item(new ImageEdit(src, null, refs, strength));
            }
            Source m = found.get(mask.id());
            return checkedMask(mask.field(), src, m).map(checked -> new ImageEdit(src, checked, refs, strength));
        });
    }

    /** The edit with every image's bytes, read for the job's owner; NOT_FOUND when one is gone or no longer shared. */
    public Uni<ImageEdit> load(UUID reader, ImageEdit edit) {
        List<EditImage> images = edit.images();
        return rows(reader, images.stream().map(EditImage::id).distinct().toList())
                .flatMap(found -> Multi.createFrom().iterable(images).onItem().transformToUniAndConcatenate(image -> {
                    Source row = found.get(image.id());
                    if (row == null) {
                        return Uni.createFrom().failure(AtelierException.notFound("Image", image.id()));
                    }
                    return store.get(row.storageKey()).map(bytes -> bytes.orElseThrow(
                            () -> AtelierException.notFound("Image", image.id())));
                }).collect().asList())
                .map(edit::withBytes);
    }

    /** An image row the reader may see, with where its bytes are. */
    private record Source(EditImage image, String storageKey) {
    }

    private Uni<Map<UUID, Source>> rows(UUID reader, List<UUID> ids) {
        return pool.preparedQuery("select i.id, i.mime_type, i.width, i.height, i.storage_key from images i "
                        + "where i.id = any($1) and " + ImageService.READABLE)
                .execute(Tuple.of(ids.toArray(UUID[]::new), reader))
                .map(rows -> {
                    Map<UUID, Source> found = new HashMap<>();
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        found.put(id, new Source(new EditImage(id, row.getString("mime_type"), row.getInteger("width"),
                                row.getInteger("height"), null), row.getString("storage_key")));
                    }
                    return found;
                });
    }

    /** The mask must be a PNG of the source's size, with at least one transparent pixel (the area to repaint). */
    private Uni<EditImage> checkedMask(String field, EditImage source, Source mask) {
        EditImage image = mask.image();
        refuseMask(field, source.width(), source.height(), image.mimeType(), image.width(), image.height(), null);
        return store.get(mask.storageKey())
                .map(bytes -> bytes.orElseThrow(() -> AtelierException.notFound("Image", image.id())))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(bytes -> refuseMask(field, source.width(), source.height(), image.mimeType(), image.width(),
                        image.height(), bytes))
                .replaceWith(image);
    }

    /**
     * BAD_USER_INPUT naming {@code field} unless the mask is a PNG of the source's size and (when its bytes are
     * given) has a transparent pixel; for callers that hold the bytes before anything is stored (call off the event
     * loop when {@code bytes} are given).
     */
    public static void refuseMask(String field, int sourceWidth, int sourceHeight, String mimeType, int width,
            int height, byte[] bytes) {
        if (!mimeType.equals("image/png")) {
            throw AtelierException.badInput(field + " must be a PNG whose transparent pixels mark the area to repaint; "
                    + "it is " + mimeType);
        }
        if (width != sourceWidth || height != sourceHeight) {
            throw AtelierException.badInput(field + " is " + width + "x" + height
                    + "; a mask must be the source's size, " + sourceWidth + "x" + sourceHeight);
        }
        if (bytes != null && !EditMasks.repaintsAnything(bytes)) {
            throw AtelierException.badInput(field + " has no transparent pixels: nothing would be repainted (the "
                    + "transparent area of the mask is what an edit changes)");
        }
    }
}
