package dev.atelier.common.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the embedded servers share: the data folder, a log in it, the account they run as, a port and a password. */
abstract class EmbeddedServer {

    final Path data;
    final Path log;
    final ServerAccount account;
    int port;
    String password;

    EmbeddedServer(Path data, String name, ServerAccount account) {
        this.data = data;
        this.log = data.resolve(name + ".log");
        this.account = account;
    }

    int port() {
        return port;
    }

    /** The password the application connects with, or null for a server made without one. */
    String password() {
        return password;
    }

    abstract void start(int freePort) throws IOException;

    abstract void stop() throws IOException;

    /** A new, empty log for this start, writable by the servers' account. */
    void freshLog() throws IOException {
        Files.deleteIfExists(log);
        Files.createFile(log);
        account.own(log);
    }
}
