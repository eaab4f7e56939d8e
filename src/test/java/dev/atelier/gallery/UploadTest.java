package dev.atelier.gallery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.support.ForeignRows;
import dev.atelier.support.GraphQL;
import dev.atelier.support.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** POST /uploads: what is kept, what is refused (and that a refusal keeps nothing), and who sees it. */
@QuarkusTest
class UploadTest {

    @Inject
    Pool pool;

    @Inject
    ImageStoreConfig config;

    @Test
    void anUploadedImageJoinsTheGalleryAsUploadedAndItsBytesAreServed() {
        byte[] png = TestImages.png(96, 64);
        var answer = upload(png, "source.png", "image/png").statusCode(201)
                .body("width", is(96)).body("height", is(64)).body("mimeType", is("image/png")).extract();
        String id = answer.path("id");
        assertThat(answer.header("Location")).isEqualTo("/images/" + id);

        GraphQL.post("query($id: ID!) { image(id: $id) { id kind provider sourceImageId width height } }",
                Map.of("id", id))
                .body("data.image.kind", is("UPLOADED"))
                .body("data.image.provider", is("LOCAL"))
                .body("data.image.sourceImageId", is((Object) null))
                .body("data.image.width", is(96));
        assertThat(given().get("/images/" + id).then().statusCode(200).extract().asByteArray()).isEqualTo(png);
        GraphQL.post("{ images(kind: UPLOADED, first: 100) { edges { node { id } } } }")
                .body("data.images.edges.node.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void theSameBytesUploadedTwiceAreOneImage() {
        byte[] jpeg = TestImages.jpeg(40, 30);
        String first = upload(jpeg, "a.jpg", "image/jpeg").statusCode(201).body("mimeType", is("image/jpeg"))
                .extract().path("id");
        String second = upload(jpeg, "renamed.png", "application/octet-stream").statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aRenamedNonImageIsRefusedByItsBytesAndNothingIsStored() throws IOException {
        Snapshot before = snapshot();
        upload("#!/bin/sh\necho not a picture\n".repeat(4).getBytes(StandardCharsets.UTF_8), "cat.png", "image/png")
                .statusCode(415)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("not a PNG, JPEG or WebP image"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTruncatedPngIsRefusedAndNothingIsStored() throws IOException {
        Snapshot before = snapshot();
        upload(TestImages.truncatedPng(), "half.png", "image/png").statusCode(400)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("PNG image is corrupt or truncated"));
        // cut after the pixel data: it would decode, but the file has no end
        byte[] png = TestImages.png(64, 64);
        upload(Arrays.copyOf(png, png.length - 12), "no-end.png", "image/png").statusCode(400)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        byte[] jpeg = TestImages.jpeg(64, 64);
        upload(Arrays.copyOf(jpeg, jpeg.length - 40), "cut.jpg", "image/jpeg").statusCode(400)
                .body("errors[0].message", containsString("JPEG image is corrupt or truncated"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderAndNothingIsStored() throws IOException {
        Snapshot before = snapshot();
        byte[] bomb = TestImages.pixelBomb(30_000, 30_000);
        assertThat(bomb.length).isLessThan(200);
        upload(bomb, "bomb.png", "image/png").statusCode(413)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("30000x30000 (900 megapixels); at most 40 megapixels"));
        assertThat(snapshot()).isEqualTo(before);
    }

    static final byte[] WEBP = TestImages.webp();

    @Test
    void aWholeWebpIsKeptAndOneWhoseContainerLiesIsRefused() throws IOException {
        upload(WEBP, "dot.webp", "image/webp").statusCode(201).body("mimeType", is("image/webp")).body("width", is(1));
        Snapshot before = snapshot();
        byte[] trailing = Arrays.copyOf(WEBP, WEBP.length + 40);
        System.arraycopy("<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII), 0, trailing,
                WEBP.length, 31);
        byte[] shortRiff = WEBP.clone();
        shortRiff[4] = 10;
        byte[] noImage = WEBP.clone();
        System.arraycopy("JUNK".getBytes(StandardCharsets.US_ASCII), 0, noImage, 12, 4);
        for (byte[] bad : java.util.List.of(trailing, shortRiff)) {
            upload(bad, "x.webp", "image/webp").statusCode(400).body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("WEBP image is corrupt or truncated"));
        }
        upload(noImage, "x.webp", "image/webp").statusCode(415).body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPngWithABrokenChunkOrTooDeepToDecodeIsRefused() throws IOException {
        Snapshot before = snapshot();
        byte[] badCrc = TestImages.png(32, 32);
        badCrc[29] ^= 0x55; // IHDR's CRC
        upload(badCrc, "crc.png", "image/png").statusCode(400).body("errors[0].message", containsString("corrupt"));
        byte[] deep = TestImages.pixelBomb(6000, 6000);
        deep[24] = 16; // 16 bits per channel
        deep[25] = 6; // RGBA
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(deep, 12, 17);
        java.nio.ByteBuffer.wrap(deep, 29, 4).putInt((int) crc.getValue());
        upload(deep, "deep.png", "image/png").statusCode(413)
                .body("errors[0].message", containsString("64 bits per pixel"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Inject
    UploadSpool spool;

    @Test
    void abandonedSpooledUploadsAreSweptAway() throws IOException {
        Path directory = Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.body.uploads-directory", String.class));
        Files.createDirectories(directory);
        Path old = Files.writeString(directory.resolve("abandoned-" + java.util.UUID.randomUUID()), "half a body");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Path fresh = Files.writeString(directory.resolve("arriving-" + java.util.UUID.randomUUID()), "in flight");

        assertThat(spool.removeOlderThan(java.time.Instant.now().minus(UploadSpool.MAX_AGE))).isGreaterThanOrEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        Files.delete(fresh);
    }

    @Test
    void anOverLimitFileIsRefusedAndNothingIsStored() throws IOException {
        Snapshot before = snapshot();
        byte[] big = Arrays.copyOf(TestImages.png(8, 8), 26 * 1024 * 1024);
        upload(big, "big.png", "image/png").statusCode(413)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("at most 25.0 MB"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFormWithoutTheFileFieldIsACodedError() {
        given().multiPart("image", "x.png", TestImages.png(8, 8), "image/png").post("/uploads").then()
                .statusCode(400).body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("\"file\""));
        given().multiPart("file", "a.png", TestImages.png(8, 8), "image/png")
                .multiPart("file", "b.png", TestImages.png(9, 9), "image/png").post("/uploads").then()
                .statusCode(400).body("errors[0].message", containsString("one image per upload"));
    }

    @Test
    void anotherSitesPageCannotUpload() throws IOException {
        Snapshot before = snapshot();
        given().header("Origin", "https://evil.example").multiPart("file", "x.png", TestImages.png(12, 12), "image/png")
                .post("/uploads").then().statusCode(403).body("errors[0].extensions.code", is("FORBIDDEN"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void someoneElsesUploadIsNotFound() {
        String id = upload(TestImages.png(33, 33), "mine.png", "image/png").statusCode(201).extract().path("id");
        java.util.UUID other = ForeignRows.user(pool);
        pool.preparedQuery("update images set user_id = $1 where id = $2")
                .execute(Tuple.of(other, java.util.UUID.fromString(id))).await().indefinitely();
        given().get("/images/" + id).then().statusCode(404);
        GraphQL.post("query($id: ID!) { image(id: $id) { id } }", Map.of("id", id))
                .body("errors[0].extensions.code", is("NOT_FOUND"));
    }

    private static ValidatableResponse upload(byte[] bytes, String name, String type) {
        return given().multiPart("file", name, bytes, type).post("/uploads").then();
    }

    /** The image rows and the stored files. */
    record Snapshot(long rows, long files) {
    }

    private Snapshot snapshot() throws IOException {
        long rows = pool.query("select count(*) from images").execute().await().indefinitely().iterator().next()
                .getLong(0);
        Path root = Path.of(config.root());
        long files = 0;
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).count();
            }
        }
        return new Snapshot(rows, files);
    }
}
