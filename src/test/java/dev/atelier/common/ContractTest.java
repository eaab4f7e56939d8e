package dev.atelier.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * Runs the shared contract checker (../shared/tools/contract_check.py) against this service for the types built
 * so far. Skipped where the shared folder is not beside the project (e.g. on GitHub).
 */
@QuarkusTest
class ContractTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theWholeSchemaMatchesTheSharedContract() throws IOException, InterruptedException {
        Path checker = Path.of("..", "shared", "tools", "contract_check.py");
        assumeTrue(Files.isRegularFile(checker), "shared contract checker not present");
        Process process = new ProcessBuilder("python3", checker.toString(),
                base.toString().replaceAll("/$", ""))
                .redirectErrorStream(true).start();
        assumeTrue(process.waitFor(60, TimeUnit.SECONDS), "contract checker did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("0 errors");
    }
}
