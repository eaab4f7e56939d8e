package dev.atelier.prompt;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.pagination.PageRequest;
import dev.atelier.provider.ProviderId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The prompt history, in SQL. Every enhancePrompt call writes one row, cached or not, so this is the hot write of the
 * prompt engine: one prepared INSERT in autocommit (a single round trip). Reads always go through the owner's id.
 */
@ApplicationScoped
public class PromptHistory {

    private static final String INSERT = """
            insert into prompts (id, user_id, input, category, category_confidence, style, enhanced, negative_prompt,
                                 variants, engine, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";
    private static final String COLUMNS = "id, user_id, input, category, category_confidence, style, enhanced, "
            + "negative_prompt, variants, engine, created_at";

    private final Pool pool;

    PromptHistory(Pool pool) {
        this.pool = pool;
    }

    public Uni<PromptRow> append(PromptRow p) {
        JsonArray variants = new JsonArray();
        for (StoredVariant v : p.variants().items()) {
            variants.add(new JsonObject()
                    .put("provider", v.provider() == null ? null : v.provider().name())
                    .put("prompt", v.prompt())
                    .put("negativePrompt", v.negativePrompt()));
        }
        Tuple row = Tuple.tuple()
                .addUUID(p.id()).addUUID(p.userId()).addString(p.input()).addString(p.category().name())
                .addDouble(p.categoryConfidence())
                .addValue(new JsonObject(new LinkedHashMap<>(p.style())))
                .addString(p.enhanced()).addString(p.negativePrompt())
                .addValue(new JsonObject().put("items", variants))
                .addString(p.engine())
                .addOffsetDateTime(p.createdAt().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(INSERT).execute(row).replaceWith(p);
    }

    /** The prompt if it exists and belongs to the user; null otherwise (never another user's row). */
    public Uni<PromptRow> owned(UUID id, UUID userId) {
        return pool.preparedQuery("select " + COLUMNS + " from prompts where id = $1 and user_id = $2")
                .execute(Tuple.of(id, userId))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()) : null);
    }

    /** The user's prompts, newest first, after the cursor; one row more than asked tells whether more follow. */
    public Uni<List<PromptRow>> page(UUID userId, PageRequest request) {
        return pool.preparedQuery("""
                select %s from prompts
                 where user_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2, $3))
                 order by created_at desc, id desc limit $4""".formatted(COLUMNS))
                .execute(Tuple.tuple().addUUID(userId)
                        .addOffsetDateTime(request.after() == null ? null : request.after().at().atOffset(ZoneOffset.UTC))
                        .addUUID(request.after() == null ? null : request.after().id())
                        .addInteger(request.first() + 1))
                .map(rows -> {
                    List<PromptRow> page = new ArrayList<>();
                    rows.forEach(row -> page.add(row(row)));
                    return page;
                });
    }

    private static PromptRow row(Row row) {
        Map<String, String> style = new LinkedHashMap<>();
        JsonObject styles = row.getJsonObject("style");
        if (styles != null) {
            styles.forEach(e -> style.put(e.getKey(), String.valueOf(e.getValue())));
        }
        List<StoredVariant> variants = new ArrayList<>();
        JsonObject stored = row.getJsonObject("variants");
        JsonArray items = stored == null ? null : stored.getJsonArray("items");
        for (int i = 0; items != null && i < items.size(); i++) {
            JsonObject v = items.getJsonObject(i);
            String provider = v.getString("provider");
            variants.add(new StoredVariant(provider == null ? null : ProviderId.valueOf(provider), v.getString("prompt"),
                    v.getString("negativePrompt")));
        }
        return new PromptRow(row.getUUID("id"), row.getUUID("user_id"), row.getString("input"),
                Category.valueOf(row.getString("category")), row.getDouble("category_confidence"), style,
                row.getString("enhanced"), row.getString("negative_prompt"), StoredVariants.of(variants),
                row.getString("engine"), row.getOffsetDateTime("created_at").toInstant());
    }
}
