package dev.atelier.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.provider.ProviderId;
import dev.atelier.support.TestData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;

@QuarkusTest
class PromptRepositoryTest {

    @Inject
    PromptRepository prompts;

    @Test
    @RunOnVertxContext
    void writesAndReadsBackEveryColumnIncludingJson(UniAsserter asserter) {
        PromptEntity prompt = new PromptEntity();
        asserter.execute(() -> TestData.user().invoke(user -> {
            prompt.id = UUID.randomUUID();
            prompt.userId = user.id;
            prompt.input = "비 오는 서울 골목";
            prompt.category = Category.LANDSCAPE;
            prompt.categoryConfidence = 0.42;
            prompt.style = Map.of("lighting", "neon reflections", "mood", "melancholic");
            prompt.enhanced = "비 오는 서울 골목, rain-soaked alley at night";
            prompt.negativePrompt = "blurry, lowres";
            prompt.variants = StoredVariants.of(List.of(
                    new StoredVariant(ProviderId.OPENAI, "A rain-soaked Seoul alley", null),
                    new StoredVariant(ProviderId.STABILITY, "(seoul alley:1.2), rain", "blurry")));
            prompt.engine = "TEMPLATE";
            prompt.createdAt = TestData.now();
        }));
        asserter.execute(() -> Panache.withTransaction(() -> prompts.persist(prompt)));
        asserter.assertThat(() -> Panache.withSession(() -> prompts.findOwned(prompt.id, prompt.userId)), found -> {
            assertThat(found.input).isEqualTo("비 오는 서울 골목");
            assertThat(found.category).isEqualTo(Category.LANDSCAPE);
            assertThat(found.categoryConfidence).isEqualTo(0.42);
            assertThat(found.style).containsExactlyInAnyOrderEntriesOf(prompt.style);
            assertThat(found.enhanced).isEqualTo(prompt.enhanced);
            assertThat(found.negativePrompt).isEqualTo("blurry, lowres");
            assertThat(found.variants.items()).containsExactlyElementsOf(prompt.variants.items());
            assertThat(found.engine).isEqualTo("TEMPLATE");
            assertThat(found.createdAt).isEqualTo(prompt.createdAt);
        });
    }

    @Test
    @RunOnVertxContext
    void anotherUsersPromptIsNotFound(UniAsserter asserter) {
        PromptEntity prompt = new PromptEntity();
        asserter.execute(() -> TestData.user().invoke(user -> {
            prompt.id = UUID.randomUUID();
            prompt.userId = user.id;
            prompt.input = "a cat";
            prompt.category = Category.ANIMAL;
            prompt.enhanced = "a cat";
            prompt.engine = "TEMPLATE";
            prompt.createdAt = TestData.now();
        }));
        asserter.execute(() -> Panache.withTransaction(() -> prompts.persist(prompt)));
        asserter.assertThat(() -> Panache.withSession(() -> prompts.findOwned(prompt.id, UUID.randomUUID())),
                found -> assertThat(found).isNull());
    }
}
