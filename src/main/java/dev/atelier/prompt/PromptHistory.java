package dev.atelier.prompt;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends to the prompt history. Every enhancePrompt call writes one row, cached or not, so this is the hot
 * write of the prompt engine: one prepared INSERT in autocommit (a single round trip), instead of an ORM session
 * with its begin and commit. Reads go through {@link PromptRepository}.
 */
@ApplicationScoped
public class PromptHistory {

    private static final String INSERT = """
            insert into prompts (id, user_id, input, category, category_confidence, style, enhanced, negative_prompt,
                                 variants, engine, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

    private final Pool pool;

    PromptHistory(Pool pool) {
        this.pool = pool;
    }

    public Uni<PromptEntity> append(PromptEntity p) {
        JsonArray variants = new JsonArray();
        for (StoredVariant v : p.variants.items()) {
            variants.add(new JsonObject()
                    .put("provider", v.provider() == null ? null : v.provider().name())
                    .put("prompt", v.prompt())
                    .put("negativePrompt", v.negativePrompt()));
        }
        Tuple row = Tuple.tuple()
                .addUUID(p.id).addUUID(p.userId).addString(p.input).addString(p.category.name())
                .addDouble(p.categoryConfidence)
                .addValue(new JsonObject(new LinkedHashMap<>(p.style)))
                .addString(p.enhanced).addString(p.negativePrompt)
                .addValue(new JsonObject().put("items", variants))
                .addString(p.engine)
                .addOffsetDateTime(p.createdAt.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(INSERT).execute(row).replaceWith(p);
    }
}
