package dev.atelier.common.embedded;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The settings the application's configuration files in its working folder give - {@code .env} and
 * {@code config/application.properties}, which Quarkus reads too - so a server configured there is never replaced
 * by an embedded one.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static Map<String, String> read(Path folder) {
        Map<String, String> settings = new HashMap<>();
        for (Path file : new Path[] { folder.resolve(".env"), folder.resolve("config").resolve("application.properties") }) {
            if (Files.isRegularFile(file)) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                } catch (IOException | IllegalArgumentException unreadable) {
                    continue;
                }
                properties.forEach((key, value) -> settings.put(key.toString().trim(), value.toString().trim()));
            }
        }
        return settings;
    }
}
