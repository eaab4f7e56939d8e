package dev.atelier.common.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The WebSocket connections (GraphQL subscriptions) open on this replica, closed at the first shutdown signal (Vert.x
 * sends a close frame, 1000): an open socket would otherwise hold the graceful HTTP shutdown until its timeout.
 * Clients (graphql-ws) reconnect, to a replica that is not stopping.
 */
@ApplicationScoped
class OpenSockets {

    private static final Logger LOG = Logger.getLogger(OpenSockets.class);

    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();

    void install(@Observes Router router) {
        router.route().order(CrossSiteGuard.ORDER + 2).handler(this::track);
    }

    private void track(RoutingContext ctx) {
        if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
            HttpConnection connection = ctx.request().connection();
            QuarkusRequestWrapper request = QuarkusRequestWrapper.get(ctx.request());
            if (open.add(connection)) {
                connection.closeHandler(closed -> {
                    open.remove(connection);
                    finished(request);
                });
            }
        }
        ctx.next();
    }

    /**
     * Quarkus' graceful shutdown counts an upgraded request as running for ever (its response never ends), so one
     * WebSocket ever opened made every shutdown wait the full {@code quarkus.shutdown.timeout}. When the socket's
     * connection closes, the request is done: tell the wrapper (its {@code done()} is not public).
     */
    private static void finished(QuarkusRequestWrapper request) {
        if (request == null) {
            return;
        }
        try {
            java.lang.reflect.Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            done.invoke(request);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("could not mark a closed WebSocket's request done: %s", e.toString());
        }
    }

    void closeAll(@Observes ShutdownDelayInitiatedEvent event) {
        if (!open.isEmpty()) {
            LOG.infof("Closing %d open WebSocket connection(s): shutting down", open.size());
        }
        open.forEach(HttpConnection::close);
        open.clear();
    }
}
