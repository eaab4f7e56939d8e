package dev.atelier.common.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

/** When Atelier starts its own servers, and where it keeps their data. */
class EmbeddedPlanTest {

    static final IntPredicate NOTHING_LISTENS = port -> false;
    static final IntPredicate BOTH_LISTEN = port -> true;

    @Test
    void autoWithServersListeningUsesThemAndStartsNothing() {
        Set<Integer> asked = new HashSet<>();
        EmbeddedPlan plan = EmbeddedPlan.decide(Map.of(), new Properties(), port -> asked.add(port) || true);
        assertThat(plan.any()).isFalse();
        assertThat(asked).containsExactlyInAnyOrder(5432, 6379);
    }

    @Test
    void autoOnABareMachineStartsBoth() {
        EmbeddedPlan plan = EmbeddedPlan.decide(Map.of(), new Properties(), NOTHING_LISTENS);
        assertThat(plan.postgres()).isTrue();
        assertThat(plan.redis()).isTrue();
    }

    @Test
    void aConfiguredServerIsNeverReplacedNorProbed() {
        Set<Integer> asked = new HashSet<>();
        EmbeddedPlan plan = EmbeddedPlan.decide(Map.of("DATABASE_URL", "postgresql://db.internal/atelier"),
                new Properties(), port -> !asked.add(port));
        assertThat(plan.postgres()).isFalse();
        assertThat(plan.redis()).as("Redis is neither configured nor listening").isTrue();
        assertThat(asked).containsExactly(6379);

        Properties quarkusStyle = new Properties();
        quarkusStyle.setProperty("quarkus.redis.hosts", "redis://cache:6379");
        assertThat(EmbeddedPlan.decide(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db/x"), quarkusStyle,
                NOTHING_LISTENS).any()).isFalse();
    }

    @Test
    void aServerConfiguredInTheApplicationsOwnFilesIsNotReplaced(@org.junit.jupiter.api.io.TempDir Path folder)
            throws java.io.IOException {
        java.nio.file.Files.writeString(folder.resolve(".env"), "DATABASE_URL=postgresql://db.internal/atelier\n");
        java.nio.file.Files.createDirectories(folder.resolve("config"));
        java.nio.file.Files.writeString(folder.resolve("config").resolve("application.properties"),
                "quarkus.redis.hosts=redis://cache.internal:6379\n");

        EmbeddedPlan plan = EmbeddedPlan.decide(Map.of(), new Properties(), ConfigFiles.read(folder), NOTHING_LISTENS);

        assertThat(plan.any()).as("both servers are configured in files Quarkus reads").isFalse();
    }

    @Test
    void neverAndAlwaysOverrideWhatIsFound() {
        assertThat(EmbeddedPlan.decide(Map.of("ATELIER_EMBEDDED", "never"), new Properties(), NOTHING_LISTENS).any())
                .isFalse();
        Properties always = new Properties();
        always.setProperty("atelier.embedded", "ALWAYS");
        EmbeddedPlan plan = EmbeddedPlan.decide(Map.of("DATABASE_URL", "postgresql://db/x"), always, BOTH_LISTEN);
        assertThat(plan.postgres() && plan.redis()).isTrue();
        assertThat(plan.mode()).isEqualTo("always");
    }

    @Test
    void theDataFolderFollowsThePlatformAndRootGetsAFolderItsServersCanEnter() {
        Properties linux = props("Linux", "/home/ada", "ada");
        assertThat(DataDirectory.resolve(Map.of(), linux)).isEqualTo(Path.of("/home/ada/.local/share/atelier"));
        assertThat(DataDirectory.resolve(Map.of("XDG_DATA_HOME", "/data/ada"), linux)).isEqualTo(Path.of("/data/ada/atelier"));
        assertThat(DataDirectory.resolve(Map.of(), props("Linux", "/root", "root"))).isEqualTo(Path.of("/var/lib/atelier"));
        assertThat(DataDirectory.resolve(Map.of(), props("Mac OS X", "/Users/ada", "ada")))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Atelier"));
        assertThat(DataDirectory.resolve(Map.of("ATELIER_DATA_DIR", "/srv/atelier"), linux)).isEqualTo(Path.of("/srv/atelier"));
    }

    private static Properties props(String os, String home, String user) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        p.setProperty("user.home", home);
        p.setProperty("user.name", user);
        return p;
    }
}
