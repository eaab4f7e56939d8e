package dev.atelier.gallery;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.pagination.Cursor;
import dev.atelier.common.pagination.PageInfo;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.common.pagination.Slice;
import dev.atelier.prompt.engine.PromptText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Collections: created, renamed, re-described, made PRIVATE / UNLISTED / PUBLIC and deleted by their owner; their
 * images added (the owner's own images only, appended in the order given), removed and reordered. Readable by the
 * owner, by anyone (signed in, or anonymous when allowed) when PUBLIC, and by anyone holding the id when UNLISTED.
 * Someone else's private collection, or an image that is not yours, reads as NOT_FOUND.
 */
@ApplicationScoped
public class CollectionService {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_IMAGES_PER_CALL = 100;

    private static final String COLUMNS = """
            c.id, c.user_id, c.name, c.description, c.visibility, c.created_at, c.updated_at,
            (select count(*) from collection_images ci where ci.collection_id = c.id) as image_count""";

    private final Pool pool;

    CollectionService(Pool pool) {
        this.pool = pool;
    }

    public Uni<Collection> create(UUID owner, String name, String description, Visibility visibility) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("""
                insert into collections (id, user_id, name, description, visibility, created_at, updated_at)
                values ($1, $2, $3, $4, $5, clock_timestamp(), clock_timestamp())""")
                .execute(Tuple.of(id, owner, name(name), description(description),
                        (visibility == null ? Visibility.PRIVATE : visibility).name()))
                .chain(() -> owned(pool, owner, id));
    }

    public Uni<Collection> update(UUID owner, UUID id, String name, String description, Visibility visibility) {
        return pool.preparedQuery("""
                update collections set name = coalesce($3, name), description = coalesce($4, description),
                       visibility = coalesce($5, visibility), updated_at = now()
                 where id = $1 and user_id = $2""")
                .execute(Tuple.of(id, owner, name == null ? null : name(name), description(description),
                        visibility == null ? null : visibility.name()))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().failure(AtelierException.notFound("Collection", id))
                        : owned(pool, owner, id));
    }

    public Uni<Boolean> delete(UUID owner, UUID id) {
        return pool.preparedQuery("delete from collections where id = $1 and user_id = $2").execute(Tuple.of(id, owner))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw AtelierException.notFound("Collection", id);
                    }
                    return true;
                });
    }

    /** A collection the reader may see (reader null = anonymous: PUBLIC and UNLISTED only); NOT_FOUND otherwise. */
    public Uni<Collection> get(UUID reader, UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from collections c where c.id = $1 "
                        + "and (c.user_id = $2 or c.visibility in ('PUBLIC', 'UNLISTED'))")
                .execute(Tuple.of(id, reader))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw AtelierException.notFound("Collection", id);
                    }
                    return collection(rows.iterator().next(), reader);
                });
    }

    /** The owner's collections, newest first. */
    public Uni<CollectionConnection> page(UUID owner, PageRequest page) {
        return list("c.user_id = $1", owner, page);
    }

    /** Every PUBLIC collection, newest first. */
    public Uni<CollectionConnection> publicPage(UUID reader, PageRequest page) {
        // every reader sees every public collection; the reader is bound only to mark which ones are theirs
        return list("c.visibility = 'PUBLIC' and ($1::uuid is null or true)", reader, page);
    }

    private Uni<CollectionConnection> list(String where, UUID reader, PageRequest page) {
        Cursor after = page.after();
        return pool.preparedQuery("select " + COLUMNS + " from collections c where " + where
                        + " and ($2::timestamptz is null or (c.created_at, c.id) < ($2, $3))"
                        + " order by c.created_at desc, c.id desc limit $4")
                .execute(Tuple.tuple().addUUID(reader)
                        .addOffsetDateTime(after == null ? null : after.at().atOffset(ZoneOffset.UTC))
                        .addUUID(after == null ? null : after.id()).addInteger(page.first() + 1))
                .map(rows -> {
                    List<Collection> fetched = new ArrayList<>();
                    rows.forEach(row -> fetched.add(collection(row, reader)));
                    Slice<Collection> slice = Slice.of(fetched, page.first());
                    return new CollectionConnection(slice.rows().stream()
                            .map(c -> new CollectionEdge(cursor(c).encode(), c)).toList(),
                            slice.pageInfo(CollectionService::cursor));
                });
    }

    private static Cursor cursor(Collection c) {
        return new Cursor(c.createdAt(), UUID.fromString(c.id()));
    }

    /** How many of these collections are the owner's. */
    public Uni<Long> countOwned(UUID owner, List<UUID> collectionIds) {
        return pool.preparedQuery("select count(*) as n from collections where id = any($1) and user_id = $2")
                .execute(Tuple.of(collectionIds.toArray(UUID[]::new), owner))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Appends the owner's images (in the order given; ones already in it stay where they are). */
    public Uni<Collection> add(UUID owner, UUID collectionId, List<UUID> imageIds) {
        List<UUID> ids = distinct(imageIds);
        return pool.withTransaction(tx -> lockOwned(tx, owner, collectionId)
                .chain(() -> tx.preparedQuery("select count(*) as n from images where id = any($1) and user_id = $2")
                        .execute(Tuple.of(ids.toArray(UUID[]::new), owner)))
                .flatMap(rows -> rows.iterator().next().getLong("n") != ids.size()
                        ? Uni.createFrom().failure(AtelierException.notFound("Image", "in this request"))
                        : CollectionFiling.appendLocked(tx, collectionId, ids))
                .chain(() -> owned(tx, owner, collectionId)));
    }

    /** Removes images from the owner's collection (the images themselves stay). */
    public Uni<Collection> remove(UUID owner, UUID collectionId, List<UUID> imageIds) {
        List<UUID> ids = distinct(imageIds);
        return pool.withTransaction(tx -> lockOwned(tx, owner, collectionId)
                .chain(() -> tx.preparedQuery("delete from collection_images where collection_id = $1 and image_id = any($2)")
                        .execute(Tuple.of(collectionId, ids.toArray(UUID[]::new))))
                .chain(() -> touch(tx, collectionId))
                .chain(() -> owned(tx, owner, collectionId)));
    }

    /** Puts the given images first, in that order; the others keep their relative order after them. */
    public Uni<Collection> reorder(UUID owner, UUID collectionId, List<UUID> imageIds) {
        List<UUID> ids = distinct(imageIds);
        return pool.withTransaction(tx -> lockOwned(tx, owner, collectionId)
                .chain(() -> tx.preparedQuery("""
                        with wanted as (select id, ord from unnest($2::uuid[]) with ordinality as w(id, ord)),
                             ranked as (
                               select ci.image_id, row_number() over (
                                        order by (w.ord is null), w.ord, ci.position, ci.image_id) - 1 as pos
                                 from collection_images ci left join wanted w on w.id = ci.image_id
                                where ci.collection_id = $1)
                        update collection_images ci set position = ranked.pos
                          from ranked where ci.collection_id = $1 and ci.image_id = ranked.image_id""")
                        .execute(Tuple.of(collectionId, ids.toArray(UUID[]::new))))
                .chain(() -> touch(tx, collectionId))
                .chain(() -> owned(tx, owner, collectionId)));
    }

    /** A page of a readable collection's images in their order. */
    public Uni<ImageConnection> images(UUID reader, UUID collectionId, PageRequest page) {
        PositionCursor after = page.after() == null ? null : PositionCursor.of(page.after());
        return get(reader, collectionId).chain(() -> pool.preparedQuery("""
                select %s, ci.position from collection_images ci join images i on i.id = ci.image_id
                 where ci.collection_id = $1 and ($2::int is null or (ci.position, ci.image_id) > ($2, $3))
                 order by ci.position, ci.image_id limit $4""".formatted(ImageRows.COLUMNS))
                .execute(Tuple.tuple().addUUID(collectionId).addInteger(after == null ? null : after.position())
                        .addUUID(after == null ? null : after.id()).addInteger(page.first() + 1))
                .map(rows -> {
                    List<ImageEdge> fetched = new ArrayList<>();
                    rows.forEach(row -> fetched.add(new ImageEdge(new PositionCursor(row.getInteger("position"),
                            row.getUUID("id")).encode(), ImageRows.image(row))));
                    Slice<ImageEdge> slice = Slice.of(fetched, page.first());
                    return new ImageConnection(slice.rows(), new PageInfo(slice.hasNext(),
                            slice.rows().isEmpty() ? null : slice.rows().get(slice.rows().size() - 1).cursor()));
                }));
    }

    private static Uni<Void> lockOwned(SqlClient tx, UUID owner, UUID id) {
        return CollectionFiling.lockOwned(tx, owner, id).invoke(owned -> {
            if (!owned) {
                throw AtelierException.notFound("Collection", id);
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> touch(SqlClient tx, UUID id) {
        return tx.preparedQuery("update collections set updated_at = now() where id = $1").execute(Tuple.of(id))
                .replaceWithVoid();
    }

    private static Uni<Collection> owned(SqlClient client, UUID owner, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from collections c where c.id = $1 and c.user_id = $2")
                .execute(Tuple.of(id, owner))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw AtelierException.notFound("Collection", id);
                    }
                    return collection(rows.iterator().next(), owner);
                });
    }

    private static Collection collection(Row row, UUID reader) {
        return new Collection(row.getUUID("id").toString(), row.getString("name"), row.getString("description"),
                Visibility.valueOf(row.getString("visibility")), row.getLong("image_count").intValue(),
                row.getUUID("user_id").equals(reader),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static String name(String name) {
        String clean = name == null ? "" : PromptText.clean(name);
        if (clean.isEmpty()) {
            throw AtelierException.badInput("A collection needs a name");
        }
        if (clean.length() > MAX_NAME) {
            throw AtelierException.badInput("A collection name has at most " + MAX_NAME + " characters");
        }
        return clean;
    }

    private static String description(String description) {
        if (description == null) {
            return null;
        }
        String clean = PromptText.clean(description);
        if (clean.length() > MAX_DESCRIPTION) {
            throw AtelierException.badInput("A description has at most " + MAX_DESCRIPTION + " characters");
        }
        return clean;
    }

    private static List<UUID> distinct(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw AtelierException.badInput("Name at least one image");
        }
        if (ids.size() > MAX_IMAGES_PER_CALL) {
            throw AtelierException.badInput("At most " + MAX_IMAGES_PER_CALL + " images per call");
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
