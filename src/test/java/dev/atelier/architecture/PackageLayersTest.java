package dev.atelier.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Imports run downhill: a feature package uses only the packages below it, never one above (docs/architecture.md).
 * Read from the sources, so a new upward import fails here before it becomes a cycle.
 */
class PackageLayersTest {

    /** Lowest first. Packages on one line do not import each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("common"),
            List.of("provider", "queue"),
            List.of("user"),
            List.of("prompt"),
            List.of("routing", "gallery"),
            List.of("job"),
            List.of("worker"),
            List.of("openai"));

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "atelier");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.atelier\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageImportsOneAboveItOrBesideIt() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(file).getName(0).toString();
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String to = imports.group(1);
                    if (!to.equals(from) && layer(to) >= layer(from)) {
                        upward.add(MAIN.relativize(file) + " imports dev.atelier." + to);
                    }
                }
            }
        }
        assertThat(upward).as("imports that run up or sideways").isEmpty();
    }

    @Test
    void everyPackageHasALayer() throws IOException {
        try (Stream<Path> packages = Files.list(MAIN)) {
            assertThat(packages.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .allSatisfy(name -> assertThat(layer(name)).as(name + " is placed in LAYERS").isNotNegative());
        }
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }
}
