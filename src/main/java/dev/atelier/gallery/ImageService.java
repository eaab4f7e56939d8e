package dev.atelier.gallery;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.pagination.Cursor;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.common.pagination.Slice;
import dev.atelier.prompt.Category;
import dev.atelier.provider.ProviderId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The gallery's images: one image, the caller's images newest first (filtered by provider or by the category of the
 * prompt that made them), and deletion, which removes the stored bytes once no image row refers to them any more.
 * An image is readable by its owner, and by anyone through a PUBLIC or UNLISTED collection that holds it.
 */
@ApplicationScoped
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class);

    /** Images that the reader may see: their own, or shared through a non-private collection. */
    static final String READABLE = """
            (i.user_id = $2 or exists (select 1 from collection_images ci join collections c on c.id = ci.collection_id
                                        where ci.image_id = i.id and c.visibility in ('PUBLIC', 'UNLISTED')))""";

    private final Pool pool;
    private final ImageStore store;

    ImageService(Pool pool, ImageStore store) {
        this.pool = pool;
        this.store = store;
    }

    /** The image if the reader may see it (reader null = anonymous: shared images only); null otherwise. */
    public Uni<Image> readable(UUID reader, UUID imageId) {
        return pool.preparedQuery("select " + ImageRows.COLUMNS + ", i.storage_key, i.sha256 from images i where i.id = $1 and "
                        + READABLE)
                .execute(Tuple.of(imageId, reader))
                .map(rows -> rows.iterator().hasNext() ? ImageRows.image(rows.iterator().next()) : null);
    }

    /** The owner's images of these jobs, per job, oldest first. */
    public Uni<Map<UUID, List<Image>>> ofJobs(UUID owner, List<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select " + ImageRows.COLUMNS + ", i.job_id from images i where i.job_id = any($1) "
                        + "and i.user_id = $2 order by i.created_at, i.id")
                .execute(Tuple.of(jobIds.toArray(UUID[]::new), owner))
                .map(rows -> {
                    Map<UUID, List<Image>> byJob = new HashMap<>();
                    rows.forEach(row -> byJob.computeIfAbsent(row.getUUID("job_id"), id -> new ArrayList<>())
                            .add(ImageRows.image(row)));
                    return byJob;
                });
    }

    /**
     * Storage details of an image the reader may see, for serving its bytes - and {@code owned}: whether the reader
     * is its owner (else they see it through sharing); null otherwise.
     */
    public Uni<StoredImage> stored(UUID reader, UUID imageId) {
        return pool.preparedQuery("select i.storage_key, i.sha256, i.mime_type, (i.user_id = $2) is true as owned "
                        + "from images i where i.id = $1 and " + READABLE)
                .execute(Tuple.of(imageId, reader))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new StoredImage(row.getString("storage_key"), row.getString("sha256"),
                            row.getString("mime_type"), row.getBoolean("owned"));
                });
    }

    /** The images edited from {@code source} that the reader may see, newest first. */
    public Uni<List<Image>> editsOf(UUID reader, UUID source, int limit) {
        return pool.preparedQuery("select " + ImageRows.COLUMNS + " from images i where i.source_image_id = $1 and "
                        + READABLE.replace("$2", "$3") + " order by i.created_at desc, i.id desc limit $2")
                .execute(Tuple.of(source, limit, reader))
                .map(rows -> {
                    List<Image> found = new ArrayList<>();
                    rows.forEach(row -> found.add(ImageRows.image(row)));
                    return found;
                });
    }

    /** The owner's images, newest first. */
    public Uni<ImageConnection> page(UUID owner, PageRequest page, ProviderId provider, Category category,
            ImageKind kind) {
        Cursor after = page.after();
        return pool.preparedQuery("""
                select %s from images i
                  left join generation_jobs j on j.id = i.job_id
                  left join prompts p on p.id = j.prompt_id
                 where i.user_id = $1
                   and ($2::text is null or i.provider = $2)
                   and ($3::text is null or coalesce(p.category, j.request->>'category') = $3)
                   and ($4::timestamptz is null or (i.created_at, i.id) < ($4, $5))
                   and ($7::text is null or i.kind = $7)
                 order by i.created_at desc, i.id desc
                 limit $6""".formatted(ImageRows.COLUMNS))
                .execute(Tuple.tuple().addUUID(owner).addString(provider == null ? null : provider.name())
                        .addString(category == null ? null : category.name())
                        .addOffsetDateTime(after == null ? null : after.at().atOffset(ZoneOffset.UTC))
                        .addUUID(after == null ? null : after.id()).addInteger(page.first() + 1)
                        .addString(kind == null ? null : kind.name()))
                .map(rows -> {
                    List<Image> fetched = new ArrayList<>();
                    rows.forEach(row -> fetched.add(ImageRows.image(row)));
                    Slice<Image> slice = Slice.of(fetched, page.first());
                    return new ImageConnection(slice.rows().stream().map(i -> new ImageEdge(cursor(i).encode(), i)).toList(),
                            slice.pageInfo(ImageService::cursor));
                });
    }

    static Cursor cursor(Image image) {
        return new Cursor(image.createdAt(), UUID.fromString(image.id()));
    }

    /** Deletes the owner's image (and its bytes when nothing else refers to them); NOT_FOUND for anyone else's. */
    public Uni<Boolean> delete(UUID owner, UUID imageId) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        delete from images where id = $1 and user_id = $2
                     returning storage_key,
                               (select count(*) from images o where o.storage_key = images.storage_key and o.id <> $1) as others""")
                        .execute(Tuple.of(imageId, owner)))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().failure(AtelierException.notFound("Image", imageId));
                    }
                    Row row = rows.iterator().next();
                    if (row.getLong("others") > 0) {
                        return Uni.createFrom().item(true);
                    }
                    String key = row.getString("storage_key");
                    return store.delete(key).replaceWith(true)
                            .onFailure().invoke(e -> LOG.warnf("image %s deleted; its bytes %s stay: %s", imageId, key,
                                    e.getMessage()))
                            .onFailure().recoverWithItem(true);
                });
    }
}
