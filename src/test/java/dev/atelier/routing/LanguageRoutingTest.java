package dev.atelier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.atelier.support.GraphQL;
import dev.atelier.support.ProviderState;
import dev.atelier.support.ProvidersProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** An idea in Korean goes first to providers whose model reads Korean, and the reasons say so. */
@QuarkusTest
@TestProfile(ProvidersProfile.class)
class LanguageRoutingTest {

    static final String SELECT = "query($i: GenerateImageInput!) { selectProvider(input: $i) { chain reasons } }";

    @Inject
    ProviderState state;

    @BeforeEach
    void reset() {
        state.reset();
    }

    @Test
    void aKoreanIdeaRanksMultilingualProvidersFirstEvenByPrice() {
        JsonPath korean = GraphQL.post(SELECT, Map.of("i", Map.of("prompt", "비 오는 서울 골목", "priority", "COST")))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.selectProvider");
        List<String> chain = korean.getList("chain");
        assertThat(chain.get(0)).isIn("OPENAI", "GOOGLE");
        assertThat(korean.getList("reasons", String.class)).anySatisfy(reason -> assertThat(reason)
                .startsWith("the idea is in Korean: ").contains("read Korean and come first")
                .contains("STABILITY").contains("read English only"));

        JsonPath english = GraphQL.post(SELECT, Map.of("i", Map.of("prompt", "a rainy alley in Seoul", "priority", "COST")))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.selectProvider");
        assertThat(english.getList("chain").get(0)).as("by price when the idea is English")
                .isNotIn("OPENAI", "GOOGLE");
        assertThat(english.getList("reasons", String.class)).noneMatch(r -> r.startsWith("the idea is in"));
    }
}
