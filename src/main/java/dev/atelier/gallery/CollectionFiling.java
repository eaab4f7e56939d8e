package dev.atelier.gallery;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Putting images into a collection, inside the caller's transaction: by the owner through
 * {@code addToCollection}, and by a finished job whose request named a collection. The collection's row is locked
 * first, so concurrent appends get distinct positions (each insert reads the positions after the lock).
 */
public final class CollectionFiling {

    private CollectionFiling() {
    }

    /** Locks the owner's collection; false when there is no such collection of this owner. */
    public static Uni<Boolean> lockOwned(SqlClient tx, UUID owner, UUID collectionId) {
        return tx.preparedQuery("select id from collections where id = $1 and user_id = $2 for update")
                .execute(Tuple.of(collectionId, owner)).map(rows -> rows.iterator().hasNext());
    }

    /**
     * Appends images to the end of a locked collection, in the order given; images already in it stay where they
     * are. Marks the collection updated.
     */
    public static Uni<Void> appendLocked(SqlClient tx, UUID collectionId, List<UUID> imageIds) {
        if (imageIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = imageIds.stream().map(id -> Tuple.of(collectionId, id)).toList();
        return tx.preparedQuery("""
                insert into collection_images (collection_id, image_id, position, added_at)
                values ($1, $2, coalesce((select max(position) + 1 from collection_images where collection_id = $1), 0),
                        now())
                on conflict do nothing""").executeBatch(batch)
                .chain(() -> tx.preparedQuery("update collections set updated_at = now() where id = $1")
                        .execute(Tuple.of(collectionId)))
                .replaceWithVoid();
    }

    /** Files new images into the owner's collection; a collection that is not the owner's files nothing. */
    public static Uni<Void> file(SqlClient tx, UUID owner, UUID collectionId, List<UUID> imageIds) {
        if (collectionId == null || imageIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lockOwned(tx, owner, collectionId)
                .flatMap(owned -> owned ? appendLocked(tx, collectionId, imageIds) : Uni.createFrom().voidItem());
    }
}
