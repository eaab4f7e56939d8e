package dev.atelier.common.graphql.socket;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atelier.common.graphql.GraphQLLimitsConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Vert.x' WebSocket limits, set so that the protocol's answers come from {@link SocketFrames}: a frame or message up
 * to twice the GraphQL body limit reaches it (and one over the limit gets 1009, not a dropped connection, as with
 * Vert.x' default 64 KiB frames); a client that does not answer a close frame is dropped after 2 s, not 10.
 */
@ApplicationScoped
class SocketLimits implements HttpServerOptionsCustomizer {

    private static final int CLOSING_TIMEOUT_SECONDS = 2;

    private final GraphQLLimitsConfig limits;

    SocketLimits(GraphQLLimitsConfig limits) {
        this.limits = limits;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        int max = (int) Math.min(Integer.MAX_VALUE, 2 * limits.bodyLimit());
        options.setMaxWebSocketFrameSize(max).setMaxWebSocketMessageSize(max)
                .setWebSocketClosingTimeout(CLOSING_TIMEOUT_SECONDS);
    }
}
