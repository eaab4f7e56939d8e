package dev.atelier.gallery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.provider.Outcomes;
import dev.atelier.support.GraphQL;
import dev.atelier.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ImageStoreAndRouteTest {

    @Inject
    ImageStore store;

    @Inject
    ImageStoreConfig config;

    @Inject
    Pool pool;

    @Test
    void theSameBytesAreStoredOnceUnderTheirHash() throws Exception {
        byte[] png = TestImages.png(20, 10);
        StoredBlob first = Outcomes.value(store.put(png, "image/png"));
        StoredBlob second = Outcomes.value(store.put(png.clone(), "image/png"));

        assertThat(second.storageKey()).isEqualTo(first.storageKey());
        assertThat(first.storageKey()).matches("[0-9a-f]{2}/[0-9a-f]{2}/" + first.sha256() + "\\.png");
        Path file = Path.of(config.root()).resolve(first.storageKey());
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings.filter(p -> p.getFileName().toString().startsWith(".incoming-"))).isEmpty();
        }
        assertThat(Outcomes.value(store.get(first.storageKey()))).contains(png);
    }

    @Test
    void keysThatCouldEscapeTheRootAreRefused() {
        assertThatThrownBy(() -> Outcomes.value(store.get("../../etc/passwd"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outcomes.value(store.delete("ab/cd/../../x.png"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheOwnerCanDownloadAnImage() {
        byte[] png = TestImages.png(30, 20);
        UUID localUser = UUID.fromString(GraphQL.post("{ me { id } }").extract().path("data.me.id"));
        UUID otherUser = UUID.randomUUID();
        StoredBlob blob = Outcomes.value(store.put(png, "image/png"));
        Outcomes.value(pool.preparedQuery("insert into users (id, subject, created_at, updated_at) values ($1, $2, now(), now())")
                .execute(Tuple.of(otherUser, "other-" + otherUser)));
        UUID mine = insertImage(localUser, blob);
        UUID theirs = insertImage(otherUser, blob);
        String etag = "\"" + blob.sha256() + "\"";

        given().get("/images/" + mine).then()
                .statusCode(200)
                .header("Content-Type", is("image/png"))
                .header("ETag", is(etag))
                .header("Cache-Control", is("private, no-cache"))
                .header("X-Content-Type-Options", is("nosniff"));
        assertThat(given().get("/images/" + mine).then().extract().asByteArray()).isEqualTo(png);
        given().header("If-None-Match", etag).get("/images/" + mine).then().statusCode(304)
                .header("Cache-Control", is("private, no-cache"));
        given().get("/images/" + theirs).then().statusCode(404);
        given().get("/images/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/images/not-a-uuid").then().statusCode(404);
    }

    private UUID insertImage(UUID owner, StoredBlob blob) {
        UUID id = UUID.randomUUID();
        Outcomes.value(pool.preparedQuery("""
                insert into images (id, user_id, provider, model, storage_key, sha256, mime_type, width, height, cost, created_at)
                values ($1, $2, 'LOCAL', 'local-preview-v1', $3, $4, 'image/png', 30, 20, 0, now())""")
                .execute(Tuple.of(id, owner, blob.storageKey(), blob.sha256())));
        return id;
    }

}
