package dev.atelier.common.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jboss.logging.Logger;

/**
 * Starts the servers an {@link EmbeddedPlan} asks for, before the application boots, and points the application at
 * them through the same settings an operator would use ({@code DATABASE_URL}, {@code REDIS_URL},
 * {@code atelier.images.root} unless already set), as system properties. {@link #stop()} ends them after the
 * application has stopped.
 */
public final class EmbeddedServices {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;

    private EmbeddedServices(EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    /** Starts what this environment needs (possibly nothing) and configures the application for it. */
    public static EmbeddedServices start(Map<String, String> env, Properties system) throws IOException {
        EmbeddedPlan plan = EmbeddedPlan.decide(env, system, ConfigFiles.read(Path.of("")), Ports::answers);
        if (!plan.any()) {
            return new EmbeddedServices(null, null);
        }
        if (system.getProperty("os.name", "").startsWith("Windows")) {
            throw new IOException("Embedded PostgreSQL and Redis are not supported on Windows: set DATABASE_URL and "
                    + "REDIS_URL to your servers (or run Atelier in WSL)");
        }
        Path data = DataDirectory.resolve(env, system);
        Files.createDirectories(data);
        lock(data);
        ServerAccount account = ServerAccount.forThisProcess();
        if (account.root()) {
            reachable(data);
            account.ownFolder(data);
        }
        EmbeddedPostgresServer postgres = plan.postgres() ? new EmbeddedPostgresServer(data, account) : null;
        EmbeddedRedisServer redis = plan.redis() ? new EmbeddedRedisServer(data, account) : null;
        EmbeddedServices services = new EmbeddedServices(postgres, redis);
        List<String> started = new ArrayList<>();
        try {
            if (postgres != null) {
                postgres.start(Ports.free());
                system.setProperty("DATABASE_URL", "postgresql://postgres" + (postgres.password() == null ? ""
                        : ":" + postgres.password()) + "@127.0.0.1:" + postgres.port() + "/postgres");
                started.add("PostgreSQL on 127.0.0.1:" + postgres.port());
            }
            if (redis != null) {
                redis.start(Ports.free());
                system.setProperty("REDIS_URL", "redis://:" + redis.password() + "@127.0.0.1:" + redis.port());
                started.add("Redis on 127.0.0.1:" + redis.port());
            }
        } catch (IOException | RuntimeException e) {
            services.stop();
            throw e;
        }
        if (EmbeddedPlan.setting(env, system, "ATELIER_IMAGES_ROOT", "atelier.images.root") == null) {
            system.setProperty("atelier.images.root", data.resolve("images").toString());
        }
        LOG.infof("Embedded %s (ATELIER_EMBEDDED=%s), data in %s%s. To use your own servers instead, set DATABASE_URL "
                + "and REDIS_URL (or ATELIER_EMBEDDED=never).", String.join(" and ", started), plan.mode(), data,
                account.root() ? ", run as the unprivileged account '" + ServerAccount.ACCOUNT + "'" : "");
        return services;
    }

    /** Ends the servers this started (Redis first: the application is gone, nothing writes to either). */
    public void stop() {
        for (EmbeddedServer server : new EmbeddedServer[] { redis, postgres }) {
            if (server != null) {
                try {
                    server.stop();
                } catch (IOException e) {
                    LOG.warnf("An embedded server did not stop cleanly: %s", e.getMessage());
                }
            }
        }
    }

    /**
     * One Atelier per data folder: a second would stop the first one's servers, taking them for leftovers. The
     * lock lasts as long as this JVM.
     */
    private static void lock(Path data) throws IOException {
        FileChannel channel = FileChannel.open(data.resolve("atelier.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("Another Atelier is using the data folder " + data + "; stop it, or give this one "
                    + "its own ATELIER_DATA_DIR");
        }
        LOCKS.add(lock);
    }

    private static final List<FileLock> LOCKS = new ArrayList<>();

    /** Running as root, every folder above the data folder must let the servers' account pass. */
    private static void reachable(Path data) throws IOException {
        for (Path folder = data.getParent(); folder != null; folder = folder.getParent()) {
            if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("The data folder " + data + " lies inside " + folder + ", which the unprivileged "
                        + "account '" + ServerAccount.ACCOUNT + "' running the embedded servers cannot enter; set "
                        + "ATELIER_DATA_DIR elsewhere (the default for root is /var/lib/atelier)");
            }
        }
    }
}
