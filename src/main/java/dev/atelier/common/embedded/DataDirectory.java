package dev.atelier.common.embedded;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where Atelier keeps what it runs itself (the embedded servers' data, the images by default):
 * {@code ATELIER_DATA_DIR}, else the platform's place for an application's data - {@code $XDG_DATA_HOME/atelier}
 * or {@code ~/.local/share/atelier} on Linux, {@code ~/Library/Application Support/Atelier} on macOS,
 * {@code %LOCALAPPDATA%\Atelier} on Windows - and {@code /var/lib/atelier} for root, whose home the unprivileged
 * account running the servers cannot enter.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve(Map<String, String> env, Properties system) {
        String explicit = EmbeddedPlan.setting(env, system, "ATELIER_DATA_DIR", "atelier.data-dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String os = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(system.getProperty("user.home", "."));
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null ? home.resolve("AppData").resolve("Local") : Path.of(local)).resolve("Atelier");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Atelier");
        }
        if ("root".equals(system.getProperty("user.name"))) {
            return Path.of("/var/lib/atelier");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg)).resolve("atelier");
    }
}
