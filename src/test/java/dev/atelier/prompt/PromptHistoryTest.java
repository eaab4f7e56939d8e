package dev.atelier.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.common.pagination.Cursor;
import dev.atelier.common.pagination.PageRequest;
import dev.atelier.provider.ProviderId;
import dev.atelier.support.ForeignRows;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The prompt history writes every column and reads it back, JSON and non-Latin text included, only for its owner. */
@QuarkusTest
class PromptHistoryTest {

    @Inject
    Pool pool;

    @Inject
    PromptHistory history;

    private static PromptRow prompt(UUID owner, String input, Instant at) {
        return new PromptRow(UUID.randomUUID(), owner, input, Category.LANDSCAPE, 0.42,
                Map.of("lighting", "neon reflections", "mood", "melancholic"), input + ", rain-soaked alley at night",
                "blurry, lowres", StoredVariants.of(List.of(
                        new StoredVariant(ProviderId.OPENAI, "A rain-soaked Seoul alley", null),
                        new StoredVariant(ProviderId.STABILITY, "(seoul alley:1.2), rain", "blurry"))),
                "TEMPLATE", at);
    }

    @Test
    void writesAndReadsBackEveryColumnIncludingJson() {
        UUID owner = ForeignRows.user(pool);
        PromptRow written = prompt(owner, "비 오는 서울 골목", Instant.now().truncatedTo(ChronoUnit.MICROS));
        history.append(written).await().atMost(Duration.ofSeconds(5));

        PromptRow found = history.owned(written.id(), owner).await().atMost(Duration.ofSeconds(5));

        assertThat(found).isEqualTo(written);
        assertThat(history.owned(written.id(), UUID.randomUUID()).await().atMost(Duration.ofSeconds(5)))
                .as("another user's prompt").isNull();
    }

    @Test
    void pagesNewestFirstAfterTheCursor() {
        UUID owner = ForeignRows.user(pool);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PromptRow older = history.append(prompt(owner, "older", now.minusSeconds(2))).await().atMost(Duration.ofSeconds(5));
        PromptRow newer = history.append(prompt(owner, "newer", now)).await().atMost(Duration.ofSeconds(5));

        assertThat(history.page(owner, new PageRequest(1, null)).await().atMost(Duration.ofSeconds(5)))
                .as("the page and the row that tells more follow").extracting(PromptRow::id)
                .containsExactly(newer.id(), older.id());
        assertThat(history.page(owner, new PageRequest(5, new Cursor(newer.createdAt(), newer.id())))
                .await().atMost(Duration.ofSeconds(5))).extracting(PromptRow::id).containsExactly(older.id());
    }
}
