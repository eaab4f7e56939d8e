package dev.atelier.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * V3 on a database that already has users: their rows survive with issuer '' (to be adopted at first sign-in), and
 * from then on (issuer, subject) is what is unique. Runs the real migrations on a scratch schema.
 */
@QuarkusTest
class UserIssuerMigrationTest {

    static final String SCHEMA = "atelier_migration_test";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> configuredPassword;

    String password() {
        return configuredPassword.orElse("");
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(jdbcUrl, username, password()).schemas(SCHEMA).defaultSchema(SCHEMA)
                .createSchemas(true).cleanDisabled(false).target(target).load();
    }

    @Test
    void existingUsersKeepTheirRowsAndTheSameSubjectMayComeFromTwoIssuers() throws SQLException {
        flyway("latest").clean();
        flyway("2").migrate();
        try (Connection db = DriverManager.getConnection(jdbcUrl, username, password());
                Statement sql = db.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute("insert into users (id, subject) values (gen_random_uuid(), 'local'), (gen_random_uuid(), 'alice')");

            flyway("latest").migrate();

            try (ResultSet rows = sql.executeQuery("select subject, issuer from users order by subject")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("subject")).isEqualTo("alice");
                assertThat(rows.getString("issuer")).isEmpty();
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("subject")).isEqualTo("local");
                assertThat(rows.next()).isFalse();
            }
            sql.execute("insert into users (id, issuer, subject) values (gen_random_uuid(), 'https://idp.test', 'local')");
            assertThatThrownBy(() -> sql.execute(
                    "insert into users (id, issuer, subject) values (gen_random_uuid(), 'https://idp.test', 'local')"))
                    .hasMessageContaining("users_issuer_subject_key");
        } finally {
            flyway("latest").clean();
        }
    }
}
