package dev.atelier.gallery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.jboss.logging.Logger;

import dev.atelier.common.image.ImageHeader;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Images users bring (edit sources, masks, references): checked ({@link UploadCheck}), written to the image store
 * (content-addressed), then recorded as an UPLOADED image of the owner - bytes before row, so a crash leaves no
 * row without bytes; a refusal stores nothing. The same bytes uploaded again by the same owner answer with the
 * image they already have.
 */
@ApplicationScoped
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class);

    private final Pool pool;
    private final ImageStore store;
    private final UploadCheck check;
    private final ImageService images;

    Uploads(Pool pool, ImageStore store, UploadCheck check, ImageService images) {
        this.pool = pool;
        this.store = store;
        this.check = check;
        this.images = images;
    }

    /** The bytes of spooled multipart files, in order, each refused first when it is over the size limit. */
    public Uni<List<byte[]>> read(List<FileUpload> files) {
        files.forEach(file -> refuseOversize(file.size()));
        return Uni.createFrom().item(() -> files.stream().map(file -> {
            try {
                return Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList()).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Refuses a file the owner declared larger than the limit, before it is read. */
    private void refuseOversize(long size) {
        check.tooLarge(size);
    }

    /** Keeps {@code bytes} as the owner's UPLOADED image; {@link UploadRefused} when they are not an acceptable image. */
    public Uni<Image> upload(UUID owner, byte[] bytes) {
        return Uni.createFrom().item(() -> check.check(bytes)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(header -> store.put(bytes, header.mimeType()).flatMap(blob -> record(owner, header, blob)))
                .flatMap(id -> images.readable(owner, id));
    }

    /**
     * Several images kept at once (an edit's source, references and mask), all or none: every one is checked before
     * any is stored. The images in the order given.
     */
    public Uni<List<Image>> uploadAll(UUID owner, List<byte[]> files) {
        return Uni.createFrom().item(() -> checkAll(files)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(headers -> storeAll(owner, files, headers));
    }

    /** The headers of files that all pass the upload checks; {@link UploadRefused} for the first that does not. */
    public List<ImageHeader> checkAll(List<byte[]> files) {
        return files.stream().map(check::check).toList();
    }

    /** Keeps files that passed {@link #checkAll}, in order. */
    public Uni<List<Image>> storeAll(UUID owner, List<byte[]> files, List<ImageHeader> headers) {
        return Multi.createFrom().range(0, files.size()).onItem()
                .transformToUniAndConcatenate(i -> store.put(files.get(i), headers.get(i).mimeType())
                        .flatMap(blob -> record(owner, headers.get(i), blob))
                        .flatMap(id -> images.readable(owner, id)))
                .collect().asList();
    }

    private Uni<UUID> record(UUID owner, ImageHeader header, StoredBlob blob) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("""
                with fresh as (
                    insert into images (id, user_id, provider, storage_key, sha256, mime_type, width, height, cost,
                                        kind, created_at)
                    values ($1, $2, 'LOCAL', $3, $4, $5, $6, $7, 0, 'UPLOADED', now())
                    on conflict (user_id, sha256) where kind = 'UPLOADED' do nothing
                    returning id)
                select id from fresh
                union all
                select id from images where user_id = $2 and sha256 = $4 and kind = 'UPLOADED'
                 and not exists (select 1 from fresh)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(owner).addString(blob.storageKey()).addString(blob.sha256())
                        .addString(header.mimeType()).addInteger(header.width()).addInteger(header.height()))
                .flatMap(rows -> rows.iterator().hasNext() ? Uni.createFrom().item(rows.iterator().next().getUUID("id"))
                        // a concurrent upload of the same bytes committed while this statement waited for it
                        : existing(owner, blob.sha256()))
                .invoke(kept -> LOG.debugf("upload %s: %s %dx%d%s", kept, header.mimeType(), header.width(),
                        header.height(), kept.equals(id) ? "" : " (already uploaded)"));
    }

    private Uni<UUID> existing(UUID owner, String sha256) {
        return pool.preparedQuery("select id from images where user_id = $1 and sha256 = $2 and kind = 'UPLOADED'")
                .execute(Tuple.of(owner, sha256))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }
}
