package dev.atelier.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.atelier.common.config.DatabaseUrl;
import dev.atelier.common.config.DatabaseUrlConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class DatabaseUrlTest {

    @Test
    void parsesTheLibpqUrlForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://atelier:s%40cret@db.internal:6543/images?sslmode=require");

        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("images");
        assertThat(url.username()).isEqualTo("atelier");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/images?sslmode=require");
        assertThat(url.reactiveUrl("atelier"))
                .isEqualTo("postgresql://db.internal:6543/images?sslmode=require&search_path=atelier");
    }

    @Test
    void defaultsPortAndDatabaseAndAcceptsThePostgresScheme() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://pg");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("postgres");
        assertThat(url.username()).isNull();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5432/postgres");
    }

    @Test
    void rejectsOtherSchemesWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:hunter2@h/d").toString()).doesNotContain("hunter2");
    }

    @Test
    void derivesEveryDatasourcePropertyFromDatabaseUrl() {
        SmallRyeConfig config = configWith(Map.of(
                "DATABASE_URL", "postgresql://app:pw@10.1.2.3:5433/prod",
                "atelier.db.schema", "tenant_a",
                "quarkus.datasource.reactive.url", "postgresql://localhost:5432/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/postgres",
                "quarkus.datasource.username", "postgres"), 250);

        assertThat(config.getRawValue("quarkus.datasource.reactive.url"))
                .isEqualTo("postgresql://10.1.2.3:5433/prod?search_path=tenant_a");
        assertThat(config.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:postgresql://10.1.2.3:5433/prod");
        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("app");
        assertThat(config.getRawValue("quarkus.datasource.password")).isEqualTo("pw");
    }

    @Test
    void profileSpecificDatabaseUrlIsHonoured() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new DatabaseUrlConfigSourceFactory())
                .withProfile("test")
                .withSources(new PropertiesConfigSource(Map.of(
                        "%test.DATABASE_URL", "postgresql://tester@db:5432/ci",
                        "quarkus.datasource.username", "postgres"), "test", 250))
                .build();

        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("tester");
        assertThat(config.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:postgresql://db:5432/ci");
    }

    @Test
    void anExplicitEnvironmentVariableStillWins() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new DatabaseUrlConfigSourceFactory())
                .withSources(new PropertiesConfigSource(Map.of("DATABASE_URL", "postgresql://app@db/prod"), "env", 300))
                .withSources(new PropertiesConfigSource(Map.of("quarkus.datasource.username", "override"), "env2", 300))
                .build();

        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("override");
        assertThat(config.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:postgresql://db:5432/prod");
    }

    @Test
    void withoutDatabaseUrlTheConfiguredValuesStand() {
        SmallRyeConfig config = configWith(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:5432/postgres",
                "quarkus.datasource.username", "postgres"), 250);

        assertThat(config.getRawValue("quarkus.datasource.reactive.url")).isEqualTo("postgresql://localhost:5432/postgres");
        assertThat(config.getRawValue("quarkus.datasource.username")).isEqualTo("postgres");
    }

    private static SmallRyeConfig configWith(Map<String, String> properties, int ordinal) {
        return new SmallRyeConfigBuilder()
                .withSources(new DatabaseUrlConfigSourceFactory())
                .withSources(new PropertiesConfigSource(properties, "test", ordinal))
                .build();
    }
}
