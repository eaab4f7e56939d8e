package dev.atelier.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs the shared contract checker against this service's schema. The checker and the contract are kept in
 * {@code src/test/contract/} so the check runs in every clone; where the shared folder is beside the project
 * ({@code ../shared/}), the copies must match it, so a change to the shared contract fails here until it is taken in.
 */
@QuarkusTest
class ContractTest {

    private static final Path COPY = Path.of("src", "test", "contract");
    private static final Path SHARED = Path.of("..", "shared");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theWholeSchemaMatchesTheSharedContract() throws IOException, InterruptedException {
        // the output goes to a file, so a checker that overruns is stopped, not waited for on a blocked read
        Path log = Files.createTempFile("contract-check", ".log");
        Process process = new ProcessBuilder("python3", COPY.resolve("contract_check.py").toString(),
                base.toString().replaceAll("/$", ""), "--contract", COPY.resolve("contract.graphql").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(finished).as("the contract checker finished within 60 s; it printed: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(" 0 errors");
    }

    @Test
    void theCopiesAreTheSharedContract() throws IOException {
        if (!Files.isDirectory(SHARED)) {
            return; // a clone without the shared folder beside it: the copies are all there is
        }
        assertThat(Files.readString(COPY.resolve("contract.graphql")))
                .isEqualTo(Files.readString(SHARED.resolve("contract.graphql")));
        assertThat(Files.readString(COPY.resolve("contract_check.py")))
                .isEqualTo(Files.readString(SHARED.resolve("tools").resolve("contract_check.py")));
    }
}
