package dev.atelier.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.provider.ProviderId;
import dev.atelier.routing.PauseBoard;
import dev.atelier.support.GraphQL;
import dev.atelier.support.OidcProfile;
import dev.atelier.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Budgets: LOCAL renders cost $0.01 and the daily budget is $0.10 in this profile, so ten images fit. The estimate
 * is reserved when a job is accepted, settled on success and released when the job is cancelled or fails.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class BudgetTest {

    static final String GENERATE = "mutation($i: GenerateImageInput!) { generateImage(input: $i) { id status } }";

    @Inject
    PauseBoard pauses;

    static JsonPath generate(String token, String prompt) {
        return GraphQL.post(token, GENERATE, Map.of("i", Map.of("prompt", prompt, "size", "64x64", "enhance", false)))
                .extract().jsonPath();
    }

    @Test
    void editsSpendTheSameBudget() {
        String token = Tokens.user("erin-" + UUID.randomUUID());
        String source = given().header("Authorization", "Bearer " + token)
                .multiPart("file", "s.png", dev.atelier.support.TestImages.png(64, 64), "image/png").post("/uploads")
                .then().statusCode(201).extract().path("id");
        String edit = "mutation($i: EditImageInput!) { editImage(input: $i) { id } }";
        for (int i = 0; i < 10; i++) {
            GraphQL.post(token, edit, Map.of("i", Map.of("sourceImageId", source, "prompt", "edit " + i)))
                    .body("errors", nullValue());
        }
        JsonPath refused = GraphQL.post(token, edit, Map.of("i", Map.of("sourceImageId", source, "prompt", "one more")))
                .extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("BUDGET_EXCEEDED");
        assertThat(generate(token, "and no generation either").getString("errors[0].extensions.code"))
                .isEqualTo("BUDGET_EXCEEDED");
    }

    @Test
    void twentyConcurrentRequestsAgainstABudgetForTenAcceptExactlyTen() throws Exception {
        String token = Tokens.user("frank-" + UUID.randomUUID());
        GraphQL.post(token, "{ me { id } }", Map.of()).body("errors", nullValue());
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            calls.add(() -> generate(token, "budget tile " + n));
        }
        List<JsonPath> answers = new ArrayList<>();
        for (Future<JsonPath> f : clients.invokeAll(calls)) {
            answers.add(f.get());
        }
        clients.shutdown();

        List<JsonPath> accepted = answers.stream().filter(a -> a.getString("errors") == null).toList();
        List<JsonPath> refused = answers.stream().filter(a -> a.getString("errors") != null).toList();
        assertThat(accepted).hasSize(10);
        assertThat(refused).hasSize(10).allSatisfy(a -> {
            assertThat(a.getString("errors[0].extensions.code")).isEqualTo("BUDGET_EXCEEDED");
            assertThat(a.getDouble("errors[0].extensions.remainingUsd")).isZero();
            assertThat(a.getString("errors[0].extensions.period")).isEqualTo("daily");
            assertThat(a.getString("errors[0].message")).contains("daily budget");
        });
        JsonPath usage = GraphQL.post(token, "{ usage { todayUsd reservedUsd remainingTodayUsd dailyLimitUsd } }", Map.of())
                .body("errors", nullValue()).extract().jsonPath();
        assertThat(usage.getDouble("data.usage.todayUsd") + usage.getDouble("data.usage.reservedUsd"))
                .isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(usage.getDouble("data.usage.remainingTodayUsd")).isZero();
    }

    @Test
    void cancellingAQueuedJobReleasesItsReservation() {
        String token = Tokens.user("grace-" + UUID.randomUUID());
        pauses.pause(ProviderId.LOCAL, Duration.ofSeconds(30)).await().atMost(Duration.ofSeconds(5));
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                JsonPath answer = generate(token, "held " + i);
                assertThat(answer.getString("errors")).isNull();
                ids.add(answer.getString("data.generateImage.id"));
            }
            assertThat(generate(token, "one too many").getString("errors[0].extensions.code")).isEqualTo("BUDGET_EXCEEDED");
            assertThat(GraphQL.post(token, "{ usage { reservedUsd } }", Map.of()).extract().jsonPath()
                    .getDouble("data.usage.reservedUsd")).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));

            GraphQL.post(token, "mutation($id: ID!) { cancelJob(id: $id) { status } }", Map.of("id", ids.get(0)))
                    .body("data.cancelJob.status", org.hamcrest.Matchers.is("CANCELLED"));

            assertThat(GraphQL.post(token, "{ usage { reservedUsd remainingTodayUsd } }", Map.of()).extract().jsonPath()
                    .getDouble("data.usage.remainingTodayUsd")).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(generate(token, "now it fits").getString("errors")).isNull();
        } finally {
            pauses.resume(ProviderId.LOCAL).await().atMost(Duration.ofSeconds(5));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> GraphQL.post(token, "{ usage { reservedUsd } }", Map.of())
                .extract().jsonPath().getDouble("data.usage.reservedUsd") == 0.0);
    }
}
