package dev.atelier.common.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.atelier.support.OidcProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * HTTP metrics are labelled by route template: a hundred distinct bad paths - bad tokens to image and OpenAI paths,
 * paths that do not exist, one 2,000 characters long - add no series and leave no id in a label. Operational
 * endpoints are on the management port only.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class HttpMetricsCardinalityTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private List<String> httpSeries() {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        List<String> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{")) {
                series.add(line.substring(0, line.lastIndexOf('}') + 1));
            }
        }
        return series;
    }

    private static void badRequests(int n) {
        String id = UUID.randomUUID().toString();
        switch (n % 3) {
            case 0 -> given().header("Authorization", "Bearer not-a-token").get("/images/" + id);
            case 1 -> given().header("Authorization", "Bearer not-a-token").contentType("application/json").body("{}")
                    .post("/v1/" + id);
            default -> given().get("/no-such-page-" + id);
        }
    }

    @Test
    void distinctBadPathsAddNoSeries() {
        for (int n = 0; n < 3; n++) {
            badRequests(n); // every shape once, so its folded series exists
        }
        given().get("/" + "x".repeat(2000));
        List<String> before = httpSeries();

        for (int n = 0; n < 100; n++) {
            badRequests(n);
        }
        given().get("/" + "y".repeat(2000));

        List<String> after = httpSeries();
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
        assertThat(String.join("\n", after)).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-").doesNotContain("xxxx");
        assertThat(after).anyMatch(s -> s.contains("uri=\"/images/{id}\"") && s.contains("status=\"401\""));
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }
}
