package dev.atelier.common.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis 6.2 from the {@code embedded-redis} binaries (Maven Central; it has every stream command Atelier
 * uses), run by Atelier itself on 127.0.0.1 and a free port, with append-only persistence in {@code <data>/redis},
 * since it holds the job queue, and a password made for each start (in its configuration file, readable by its owner
 * only, never on the command line). A server left running by a killed Atelier is stopped first (its pid file).
 */
final class EmbeddedRedisServer extends EmbeddedServer {

    private final Path folder;
    private Process process;

    EmbeddedRedisServer(Path data, ServerAccount account) {
        super(data, "redis", account);
        this.folder = data.resolve("redis");
    }

    @Override
    void start(int freePort) throws IOException {
        Path binary = unpack();
        Files.createDirectories(folder);
        stopLeftover(binary);
        account.own(data.resolve("runtime"));
        account.own(folder);
        freshLog();
        port = freePort;
        password = Secrets.random();
        Path conf = folder.resolve("redis.conf");
        Secrets.write(conf, String.join("\n", "port " + port, "bind 127.0.0.1", "protected-mode yes",
                "dir " + folder, "appendonly yes", "appendfsync everysec", "save \"\"", "daemonize no",
                "pidfile " + folder.resolve("redis.pid"), "logfile " + log, "requirepass " + password) + "\n");
        account.own(conf);
        ProcessBuilder builder = new ProcessBuilder(account.command(List.of(binary.toString(), conf.toString())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerAccount.clean(builder.environment());
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Ports.answers(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("Redis did not start; see " + log);
            }
            sleep(50);
        }
    }

    /** SIGTERM: Redis flushes the append-only file and exits. */
    @Override
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A Redis from an earlier run that was killed still holds the folder: end it, so two never share the file. */
    private void stopLeftover(Path binary) throws IOException {
        Path pidFile = folder.resolve("redis.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // only our own binary: the pid file lies in a folder the servers' account can write
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> Path.of(c).equals(binary)).orElse(false));
            if (leftover.isPresent()) {
                leftover.get().destroy();
                leftover.get().onExit().get(15, TimeUnit.SECONDS);
            }
        } catch (NumberFormatException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // not a pid, or it would not stop: the new server will say so if the folder is still held
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(pidFile);
    }

    private Path unpack() throws IOException {
        String os = System.getProperty("os.name").startsWith("Mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        String name = os.equals("darwin") ? "redis-server-6.2.6-v5-darwin-" + arch
                : arch.equals("amd64") ? "redis-server-6.2.6-v5-linux-amd64" : "redis-server-6.2.7-linux-" + arch;
        Path target = data.resolve("runtime").resolve(name);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = EmbeddedRedisServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No embedded Redis for " + os + "/" + arch + ": point Atelier at a Redis (REDIS_URL)");
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(name + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            partial.toFile().setExecutable(true, false);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
