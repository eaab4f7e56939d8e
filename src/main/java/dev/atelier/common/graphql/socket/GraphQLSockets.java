package dev.atelier.common.graphql.socket;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.atelier.common.error.ErrorCode;
import dev.atelier.common.graphql.CodedAnswer;
import dev.atelier.common.graphql.GraphQLLimitsConfig;
import io.netty.channel.ChannelPipeline;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The GraphQL WebSockets (subscriptions) of this replica. Each upgrade of {@code /graphql} gets a {@link SocketFrames}
 * in its connection's pipeline, which checks what the client sends and closes with the protocol's codes; at the first
 * shutdown signal every open socket is closed with 1001 (going away), so that clients (graphql-ws) reconnect to a
 * replica that is not stopping instead of holding the graceful HTTP shutdown until its timeout.
 *
 * <p>
 * Runs after the cross-site check (a refused upgrade never gets here) and before SmallRye GraphQL's handler.
 */
@ApplicationScoped
class GraphQLSockets {

    private static final Logger LOG = Logger.getLogger(GraphQLSockets.class);
    /** Just after {@code CrossSiteGuard} (-1000) and long before SmallRye GraphQL's route. */
    private static final int ORDER = -998;

    private final Set<SocketFrames> open = ConcurrentHashMap.newKeySet();
    private final GraphQLLimitsConfig limits;
    private final String authorizationField;

    GraphQLSockets(GraphQLLimitsConfig limits,
            @ConfigProperty(name = "quarkus.smallrye-graphql.authorization-client-init-payload-name") Optional<String> field) {
        this.limits = limits;
        this.authorizationField = field.orElse(null);
    }

    void install(@Observes Router router) {
        router.get("/graphql").order(ORDER).handler(this::watch);
    }

    private void watch(RoutingContext ctx) {
        if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
            if (!speaksGraphQL(ctx.request().getHeader("Sec-WebSocket-Protocol"))) {
                // SmallRye would upgrade, log a warning and close: refuse in words instead, before the upgrade
                CodedAnswer.send(ctx, 400, ErrorCode.BAD_USER_INPUT, "This WebSocket speaks graphql-transport-ws "
                        + "(or the older graphql-ws): ask for one of them in Sec-WebSocket-Protocol");
                return;
            }
            HttpConnection connection = ctx.request().connection();
            if (connection instanceof ConnectionBase base && base.channel().pipeline().get(SocketFrames.NAME) == null) {
                QuarkusRequestWrapper request = QuarkusRequestWrapper.get(ctx.request());
                ChannelPipeline pipeline = base.channel().pipeline();
                pipeline.addBefore("handler", SocketFrames.NAME, new SocketFrames(authorizationField,
                        limits.bodyLimit(), limits.socketInitTimeout(), open::add, frames -> {
                            open.remove(frames);
                            finished(request);
                        }));
            }
        }
        ctx.next();
    }

    /** Whether the client offers a protocol SmallRye speaks (the header lists its choices, comma-separated). */
    private static boolean speaksGraphQL(String offered) {
        if (offered == null) {
            return false;
        }
        for (String each : offered.split(",")) {
            if (ClientMessages.Protocol.named(each.trim()).isPresent()) {
                return true;
            }
        }
        return false;
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
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            done.invoke(request);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("could not mark a closed WebSocket's request done: %s", e.toString());
        }
    }

    void closeAll(@Observes ShutdownDelayInitiatedEvent event) {
        if (!open.isEmpty()) {
            LOG.infof("Closing %d open GraphQL WebSocket(s) with 1001: shutting down", open.size());
        }
        open.forEach(SocketFrames::goAway);
    }
}
