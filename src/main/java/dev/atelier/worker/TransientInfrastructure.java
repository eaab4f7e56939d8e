package dev.atelier.worker;

import java.net.ConnectException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Failures of Atelier's own infrastructure that pass (PostgreSQL or Redis restarting, a dropped connection): a job
 * hit by one is not failed but left to be taken up again once its lease lapses.
 */
final class TransientInfrastructure {

    private TransientInfrastructure() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClosedConnectionException || t instanceof ConnectException
                    || t instanceof ConnectTimeoutException) {
                return true;
            }
            // 08xxx connection exceptions, 57xxx operator intervention (shutdown, starting up)
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57"))) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (t.getClass().getName().startsWith("io.vertx.redis") && message.contains("onnection")) {
                return true;
            }
        }
        return false;
    }
}
