package dev.atelier.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Multipart bodies are spooled to a directory and removed when their request ends; a request the client abandons
 * half-way can leave its part behind. Every few minutes, spooled files older than {@link #MAX_AGE} are removed, so
 * aborted uploads cannot fill the disk.
 */
@ApplicationScoped
class UploadSpool {

    private static final Logger LOG = Logger.getLogger(UploadSpool.class);
    /** Longer than any upload takes to arrive and be checked. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final Path directory;

    UploadSpool(@ConfigProperty(name = "quarkus.http.body.uploads-directory") String directory) {
        this.directory = Path.of(directory);
    }

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        removeOlderThan(Instant.now().minus(MAX_AGE));
    }

    /** Removes spooled files last written before {@code cutoff}; the count removed. */
    int removeOlderThan(Instant cutoff) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (IOException e) {
                    LOG.debugf("spooled upload %s not removed: %s", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warnf("the upload spool %s could not be swept: %s", directory, e.getMessage());
        }
        if (removed > 0) {
            LOG.infof("removed %d abandoned upload(s) from %s", removed, directory);
        }
        return removed;
    }
}
