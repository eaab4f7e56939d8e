package dev.atelier.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.atelier.prompt.cache.EnhancementCache;
import dev.atelier.prompt.engine.PromptText;
import dev.atelier.support.Enhance;
import dev.atelier.support.GraphQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PromptGraphQLTest {

    static final String ENHANCE = Enhance.MUTATION;

    static final Map<String, Integer> LIMITS = Map.of(
            "OPENAI", 4000, "GOOGLE", 1900, "STABILITY", 10000, "SDWEBUI", 3000, "LOCAL", 4000);

    @Inject
    EnhancementCache cache;

    @Inject
    MeterRegistry metrics;

    private static JsonPath enhance(Map<String, Object> input) {
        return Enhance.call(input);
    }

    private static String unique(String idea) {
        return Enhance.unique(idea);
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    @Test
    void aCatBecomesAnAnimalPromptForEveryProvider() {
        JsonPath result = enhance(Map.of("input", "a cat", "useLlm", false));

        assertThat(result.getString("category")).isEqualTo("ANIMAL");
        assertThat(result.getString("engine")).isEqualTo("TEMPLATE");
        String openai = variant(result, "OPENAI").get("prompt");
        assertThat(openai).contains("cat");
        assertThat(PromptText.wordCount(openai)).isGreaterThanOrEqualTo(25);
        List<Map<String, String>> variants = result.getList("variants");
        assertThat(variants).extracting(v -> v.get("provider"))
                .containsExactlyInAnyOrder("OPENAI", "GOOGLE", "STABILITY", "SDWEBUI", "LOCAL");
        for (Map<String, String> v : variants) {
            assertThat(v.get("prompt")).isNotBlank();
            assertThat(v.get("prompt").length()).isLessThanOrEqualTo(LIMITS.get(v.get("provider")));
        }
        Map<String, String> stability = variant(result, "STABILITY");
        assertThat(stability.get("prompt")).contains("(a cat:1.2)");
        assertThat(stability.get("negativePrompt")).contains("blurry");
        // offline, nothing is configured: the default provider is LOCAL, whose variant is `enhanced`
        assertThat(result.getString("enhanced")).isEqualTo(variant(result, "LOCAL").get("prompt"));
    }

    @Test
    void theSameIdeaTwiceIsServedFromTheCacheAlsoFromRedisAfterL1IsCleared() {
        String idea = unique("a lighthouse on a cliff");
        assertThat(enhance(Map.of("input", idea, "useLlm", false)).getBoolean("cached")).isFalse();
        assertThat(enhance(Map.of("input", idea, "useLlm", false)).getBoolean("cached")).isTrue();

        double l2HitsBefore = l2Hits();
        cache.clearLocal();
        JsonPath fromRedis = enhance(Map.of("input", idea, "useLlm", false));

        assertThat(fromRedis.getBoolean("cached")).isTrue();
        assertThat(l2Hits()).isEqualTo(l2HitsBefore + 1);
    }

    @Test
    void caseSpacingAndPunctuationVariantsShareOneCacheEntry() {
        String idea = unique("a red fox in the snow");
        JsonPath first = enhance(Map.of("input", idea, "useLlm", false));
        JsonPath variant = enhance(Map.of("input", "  " + idea.toUpperCase().replace(" ", "   ") + "!!! ", "useLlm", false));

        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(variant.getBoolean("cached")).isTrue();
        assertThat(variant.getString("id")).as("each call is its own history entry").isNotEqualTo(first.getString("id"));
    }

    @Test
    void differentStyleIsADifferentCacheEntry() {
        String idea = unique("a quiet harbour");
        enhance(Map.of("input", idea, "useLlm", false));
        JsonPath styled = enhance(Map.of("input", idea, "useLlm", false, "style", Map.of("lighting", "blue hour")));

        assertThat(styled.getBoolean("cached")).isFalse();
        assertThat(styled.getString("enhanced")).contains("blue hour").doesNotContain("golden hour");
    }

    @Test
    void koreanInputIsKeptVerbatim() {
        JsonPath result = enhance(Map.of("input", "비 오는 서울 골목", "useLlm", false));

        assertThat(result.getString("input")).isEqualTo("비 오는 서울 골목");
        assertThat(result.getList("variants.prompt", String.class)).allSatisfy(p -> assertThat(p).contains("비 오는 서울 골목"));
    }

    @Test
    void explicitCategoryWins() {
        JsonPath result = enhance(Map.of("input", "a cat", "category", "ART", "useLlm", false));
        assertThat(result.getString("category")).isEqualTo("ART");
        assertThat(result.getDouble("categoryConfidence")).isEqualTo(1.0);
    }

    @Test
    void emptyWhitespaceAndOversizedInputsAreBadUserInput() {
        for (String bad : List.of("", "   \n\t ", "\u0000\u0007", "x".repeat(2001))) {
            GraphQL.post(ENHANCE, Map.of("input", Map.of("input", bad)))
                    .statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        }
        GraphQL.post(ENHANCE, Map.of("input", Map.of("input", "a cat", "style", Map.of("mood", "m".repeat(201)))))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("style.mood"));
    }

    @Test
    void controlCharactersAreStrippedAndNulIsRefused() {
        JsonPath result = enhance(Map.of("input", "a\u0001 small\u0007 boat\u200b", "useLlm", false));
        assertThat(result.getString("input")).isEqualTo("a small boat");
        // NUL cannot be stored at all: refused like any text PostgreSQL cannot hold (HostileInputTest)
        GraphQL.post("mutation($i: EnhancePromptInput!) { enhancePrompt(input: $i) { id } }",
                Map.of("i", Map.of("input", "a\u0000 boat"))).body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void historyKeepsEachPromptForItsOwner() {
        String id = enhance(Map.of("input", unique("a teapot"), "useLlm", false)).getString("id");

        GraphQL.post("query($id: ID!) { prompt(id: $id) { id input category enhanced variants { provider } } }",
                Map.of("id", id))
                .body("errors", nullValue())
                .body("data.prompt.id", is(id))
                .body("data.prompt.variants", hasSize(5));
        GraphQL.post("query($id: ID!) { prompt(id: $id) { id } }", Map.of("id", UUID.randomUUID().toString()))
                .body("data.prompt", nullValue())
                .body("errors[0].extensions.code", is("NOT_FOUND"));
        GraphQL.post("query($id: ID!) { prompt(id: $id) { id } }", Map.of("id", "not-a-uuid"))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void historyPagesWalkEveryPromptOnceNewestFirst() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(enhance(Map.of("input", unique("page walk " + i), "useLlm", false)).getString("id"));
        }
        Set<String> seen = new HashSet<>();
        String after = null;
        boolean more = true;
        while (more) {
            JsonPath page = GraphQL.post("query($after: String) { prompts(first: 2, after: $after) { "
                    + "edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after))
                    .body("errors", nullValue())
                    .extract().jsonPath().setRootPath("data.prompts");
            List<String> ids = page.getList("edges.node.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            ids.forEach(id -> assertThat(seen.add(id)).as("seen once: " + id).isTrue());
            more = page.getBoolean("pageInfo.hasNextPage");
            after = page.getString("pageInfo.endCursor");
        }
        assertThat(seen).containsAll(mine);
    }

    @Test
    void badCursorsAndNegativePageSizesAreBadUserInput() {
        GraphQL.post("{ prompts(first: 2, after: \"garbage!\") { edges { cursor } } }")
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        GraphQL.post("{ prompts(first: -1) { edges { cursor } } }")
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        GraphQL.post("{ prompts(first: 1000) { edges { cursor } pageInfo { hasNextPage } } }")
                .body("errors", nullValue())
                .body("data.prompts.edges.size()", org.hamcrest.Matchers.lessThanOrEqualTo(100))
                .body("data.prompts.pageInfo", notNullValue());
    }

    @Test
    void cacheCountersArePublished() {
        enhance(Map.of("input", unique("a kite"), "useLlm", false));
        io.restassured.RestAssured.given().get(metricsUrl).then()
                .body(containsString("atelier_prompt_cache_total{level=\"l1\",result=\"miss\"}"))
                .body(containsString("atelier_prompt_enhancements_total{engine=\"TEMPLATE\"}"));
    }

    private double l2Hits() {
        return metrics.get("atelier.prompt.cache").tag("level", "l2").tag("result", "hit").counter().count();
    }

    private static Map<String, String> variant(JsonPath result, String provider) {
        List<Map<String, String>> variants = result.getList("variants");
        return variants.stream().filter(v -> provider.equals(v.get("provider"))).findFirst().orElseThrow();
    }
}
