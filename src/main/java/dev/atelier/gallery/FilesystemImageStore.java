package dev.atelier.gallery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Images as files named by their SHA-256 ({@code ab/cd/abcd….png}) under a configurable root. Writes go to a
 * temporary file in the target directory and are renamed into place atomically, so a reader never sees half an
 * image and concurrent writers of the same content simply agree. File I/O runs on worker threads.
 */
@ApplicationScoped
public class FilesystemImageStore implements ImageStore {

    private static final Pattern KEY = Pattern.compile("^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}\\.(png|jpg|webp)$");

    private final Path root;

    FilesystemImageStore(ImageStoreConfig config) {
        this.root = Path.of(config.root()).toAbsolutePath().normalize();
    }

    @Override
    public Uni<StoredBlob> put(byte[] bytes, String mimeType) {
        return Uni.createFrom().item(() -> write(bytes, mimeType)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<Optional<byte[]>> get(String storageKey) {
        return Uni.createFrom().item(() -> {
            Path file = resolve(storageKey);
            try {
                return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.<byte[]>empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<Void> delete(String storageKey) {
        return Uni.createFrom().item(() -> {
            try {
                Files.deleteIfExists(resolve(storageKey));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private StoredBlob write(byte[] bytes, String mimeType) {
        String sha = sha256(bytes);
        String key = sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha + "." + extension(mimeType);
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Path temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
                try {
                    Files.write(temp, bytes);
                    move(temp, target);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return new StoredBlob(key, sha, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store image " + key, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // another writer stored the same content first: same bytes, nothing to do
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Only well-formed keys map to files, and only inside the root. */
    private Path resolve(String storageKey) {
        if (storageKey == null || !KEY.matcher(storageKey).matches()) {
            throw new IllegalArgumentException("not an image storage key");
        }
        Path file = root.resolve(storageKey).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("not an image storage key");
        }
        return file;
    }

    static String extension(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            default -> "png";
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
