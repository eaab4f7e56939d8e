package dev.atelier.common.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Who the embedded servers run as. PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and
 * this machine, CI and many containers run everything as root: then the servers run under the unprivileged system
 * account {@value #ACCOUNT} (created on first use, no login, no home) which owns the data folder; otherwise as the
 * user running Atelier.
 */
final class ServerAccount {

    static final String ACCOUNT = "atelier";

    private final boolean root;

    private ServerAccount(boolean root) {
        this.root = root;
    }

    /** The account for this process: the unprivileged one (made if missing) when running as root (uid 0). */
    static ServerAccount forThisProcess() throws IOException {
        boolean root = isRoot();
        ServerAccount account = new ServerAccount(root);
        if (root && run(List.of("id", "-u", ACCOUNT), null) != 0) {
            int made = run(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                    "--shell", "/usr/sbin/nologin", ACCOUNT), null);
            if (made != 0 && run(List.of("id", "-u", ACCOUNT), null) != 0) {
                throw new IOException("Running as root, and the unprivileged account '" + ACCOUNT + "' the embedded "
                        + "servers need could not be created (useradd answered " + made + "); create it, or run "
                        + "Atelier as an ordinary user, or point it at your own servers (DATABASE_URL, REDIS_URL)");
            }
        }
        return account;
    }

    boolean root() {
        return root;
    }

    private static boolean isRoot() throws IOException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).trim();
        try {
            id.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return uid.equals("0");
    }

    /** Hands what Atelier made ({@code path} and everything in it) to the account the servers run as. */
    void own(Path path) throws IOException {
        chown(path, true);
    }

    /** Hands the folder itself, not what an operator may already keep in it, to the servers' account. */
    void ownFolder(Path folder) throws IOException {
        chown(folder, false);
    }

    private void chown(Path path, boolean recursive) throws IOException {
        List<String> command = new ArrayList<>(List.of("chown"));
        if (recursive) {
            command.add("-R");
        }
        command.addAll(List.of(ACCOUNT + ":" + ACCOUNT, path.toString()));
        if (root && run(command, null) != 0) {
            throw new IOException("Could not hand " + path + " to the account '" + ACCOUNT + "'");
        }
    }

    /** The environment a server starts with: the system's path and locale, none of Atelier's settings or keys. */
    static void clean(Map<String, String> environment) {
        Map<String, String> kept = new HashMap<>();
        for (String name : List.of("PATH", "LANG", "LC_ALL", "TZ")) {
            if (environment.containsKey(name)) {
                kept.put(name, environment.get(name));
            }
        }
        environment.clear();
        environment.putAll(kept);
    }

    /**
     * {@code command} as the servers' account - through {@code setpriv} (util-linux) when root - and in a session
     * of its own ({@code setsid}, where the system has it): a terminal's Ctrl-C then reaches Atelier alone, which
     * stops the servers itself once it has handed its jobs back. Both execute the command in place, so the process
     * Atelier holds is the server and its signals reach it.
     */
    List<String> command(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            wrapped.add("/usr/bin/setsid");
        }
        if (root) {
            wrapped.addAll(List.of("setpriv", "--reuid=" + ACCOUNT, "--regid=" + ACCOUNT, "--init-groups", "--"));
        }
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs {@code command} to its end (at most two minutes), its output appended to {@code log}; the exit code. */
    static int run(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        clean(builder.environment());
        if (log == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within two minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.get(0), e);
        }
    }
}
