package dev.atelier.gallery;

import java.time.ZoneOffset;

import dev.atelier.provider.ProviderId;
import io.vertx.mutiny.sqlclient.Row;

/** Maps {@code images} rows read with plain SQL onto the GraphQL {@link Image}. */
final class ImageRows {

    static final String COLUMNS = "i.id, i.width, i.height, i.mime_type, i.provider, i.model, i.seed, i.cost, "
            + "i.revised_prompt, i.created_at, i.kind, i.source_image_id";

    private ImageRows() {
    }

    static Image image(Row row) {
        Long seed = row.getLong("seed");
        return new Image(row.getUUID("id").toString(), "/images/" + row.getUUID("id"), row.getInteger("width"),
                row.getInteger("height"), row.getString("mime_type"), ProviderId.valueOf(row.getString("provider")),
                row.getString("model"), seed == null ? null : (int) (long) seed,
                row.getBigDecimal("cost") == null ? null : row.getBigDecimal("cost").doubleValue(),
                row.getString("revised_prompt"),
                row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                ImageKind.valueOf(row.getString("kind")),
                row.getUUID("source_image_id") == null ? null : row.getUUID("source_image_id").toString());
    }
}
