package dev.atelier.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
class GalleryRepositoryTest {

    @Inject
    ImageRepository images;

    @Inject
    CollectionRepository collections;

    @Test
    @RunOnVertxContext
    void imageRoundTripsEveryColumn(UniAsserter asserter) {
        ImageEntity image = new ImageEntity();
        asserter.execute(() -> TestData.user().invoke(user -> fill(image, user.id)));
        asserter.execute(() -> Panache.withTransaction(() -> images.persist(image)));
        asserter.assertThat(() -> Panache.withSession(() -> images.findOwned(image.id, image.userId)), found -> {
            assertThat(found.provider).isEqualTo(ProviderId.LOCAL);
            assertThat(found.model).isEqualTo("preview-v1");
            assertThat(found.storageKey).isEqualTo(image.storageKey);
            assertThat(found.sha256).isEqualTo(image.sha256);
            assertThat(found.mimeType).isEqualTo("image/png");
            assertThat(found.width).isEqualTo(1536);
            assertThat(found.height).isEqualTo(1024);
            assertThat(found.seed).isEqualTo(4_294_967_294L);
            assertThat(found.cost).isEqualByComparingTo("0.000001");
            assertThat(found.revisedPrompt).isEqualTo("A cat, revised");
            assertThat(found.createdAt).isEqualTo(image.createdAt);
            assertThat(found.jobId).isNull();
        });
        asserter.assertThat(() -> Panache.withSession(() -> images.findOwned(image.id, UUID.randomUUID())),
                found -> assertThat(found).isNull());
    }

    @Test
    @RunOnVertxContext
    void collectionRoundTripsEveryColumn(UniAsserter asserter) {
        CollectionEntity collection = new CollectionEntity();
        ImageEntity first = new ImageEntity();
        ImageEntity second = new ImageEntity();
        asserter.execute(() -> TestData.user().invoke(user -> {
            collection.id = UUID.randomUUID();
            collection.userId = user.id;
            collection.name = "Cats";
            collection.description = "Every cat so far";
            collection.visibility = Visibility.UNLISTED;
            collection.createdAt = TestData.now();
            collection.updatedAt = collection.createdAt;
            fill(first, user.id);
            fill(second, user.id);
        }));
        asserter.execute(() -> Panache.withTransaction(() -> collections.persist(collection)
                .chain(() -> images.persist(first))
                .chain(() -> images.persist(second))));
        asserter.assertThat(() -> Panache.withSession(() -> collections.findOwned(collection.id, collection.userId)),
                found -> {
                    assertThat(found.name).isEqualTo("Cats");
                    assertThat(found.description).isEqualTo("Every cat so far");
                    assertThat(found.visibility).isEqualTo(Visibility.UNLISTED);
                    assertThat(found.createdAt).isEqualTo(collection.createdAt);
                    assertThat(found.updatedAt).isEqualTo(collection.updatedAt);
                });
    }

    private static void fill(ImageEntity image, UUID userId) {
        image.id = UUID.randomUUID();
        image.userId = userId;
        image.provider = ProviderId.LOCAL;
        image.model = "preview-v1";
        image.storageKey = "ab/cd/" + image.id;
        image.sha256 = "0123456789abcdef".repeat(4);
        image.mimeType = "image/png";
        image.width = 1536;
        image.height = 1024;
        image.seed = 4_294_967_294L;
        image.cost = new BigDecimal("0.000001");
        image.revisedPrompt = "A cat, revised";
        image.createdAt = TestData.now();
    }
}
