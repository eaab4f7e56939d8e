package dev.atelier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Collects rows, prints them as a table and writes bench/results/&lt;scenario&gt;.json with the machine's details. */
public final class BenchReport {

    private final String scenario;
    private final List<String[]> rows = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();

    public BenchReport(String scenario) {
        this.scenario = scenario;
    }

    public void row(String metric, String value, String target, String verdict) {
        rows.add(new String[] { metric, value, target, verdict });
    }

    public void result(String key, Object value) {
        results.put(key, value);
    }

    public void print() {
        int[] widths = { 6, 5, 6, 7 };
        String[] header = { "metric", "value", "target", "verdict" };
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "| %-" + widths[0] + "s | %" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3] + "s |%n";
        StringBuilder out = new StringBuilder("\n== bench: " + scenario + " ==\n");
        out.append(String.format(format, (Object[]) header));
        out.append(String.format(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]),
                "-".repeat(widths[3])));
        rows.forEach(r -> out.append(String.format(format, (Object[]) r)));
        System.out.println(out);
    }

    public Path write() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scenario", scenario);
        document.put("date", Instant.now().toString());
        document.put("commit", System.getProperty("atelier.bench.commit", "unknown"));
        document.put("machine", machine());
        document.put("results", results);
        document.put("table", rows.stream().map(r -> Map.of("metric", r[0], "value", r[1], "target", r[2],
                "verdict", r[3])).toList());
        Path dir = Path.of(System.getProperty("atelier.bench.out", "bench/results"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(scenario + ".json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
            System.out.println("wrote " + file.toAbsolutePath());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("totalMemoryMb", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }

    public static String verdict(boolean met) {
        return met ? "met" : "NOT MET";
    }
}
