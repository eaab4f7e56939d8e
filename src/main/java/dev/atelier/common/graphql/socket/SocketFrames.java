package dev.atelier.common.graphql.socket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits in one HTTP connection's Netty pipeline, in front of Vert.x, and becomes active when the connection is
 * upgraded to a GraphQL WebSocket (the 101 answer names the protocol). From then on it sees every whole client
 * message before SmallRye GraphQL does, and closes the socket itself where the protocol asks for a close code
 * SmallRye would not send:
 * <ul>
 * <li>4400 for a message that is not one a client may send ({@link ClientMessages}), and for binary messages;
 * well-formed ones are handed on rewritten as strict JSON;</li>
 * <li>1002 for a frame with reserved bits that no negotiated extension explains;</li>
 * <li>1000 when a subscriptions-transport-ws client says {@code connection_terminate};</li>
 * <li>4408 when no {@code connection_init} came in time;</li>
 * <li>1009 for a message larger than a {@code POST /graphql} body may be;</li>
 * <li>1001 (going away) when the service shuts down ({@link #goAway()}).</li>
 * </ul>
 * After a close it sends nothing more and reads nothing but the client's close answer, which Vert.x completes as
 * usual. Close reasons from SmallRye are cut to what a close frame can carry (123 bytes).
 */
final class SocketFrames extends ChannelDuplexHandler {

    static final String NAME = "atelier-graphql-socket";

    private static final Logger LOG = Logger.getLogger(SocketFrames.class);
    private static final int MAX_REASON_BYTES = 123;
    /** How long the client has to answer a close frame before the connection is dropped. */
    private static final long CLOSE_ANSWER_MILLIS = 1000;

    private final String authorizationField;
    private final long maxMessageBytes;
    private final Duration initTimeout;
    private final Consumer<SocketFrames> opened;
    private final Consumer<SocketFrames> ended;

    private ChannelHandlerContext context;
    private boolean upgraded;
    private ClientMessages messages;
    private CompositeByteBuf partial;
    private boolean initialised;
    private boolean closing;
    private ScheduledFuture<?> initTimer;

    SocketFrames(String authorizationField, long maxMessageBytes, Duration initTimeout, Consumer<SocketFrames> opened,
            Consumer<SocketFrames> ended) {
        this.authorizationField = authorizationField;
        this.maxMessageBytes = maxMessageBytes;
        this.initTimeout = initTimeout;
        this.opened = opened;
        this.ended = ended;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    /** Closes the socket with 1001, from any thread: the service is stopping and the client should go elsewhere. */
    void goAway() {
        context.executor().execute(() -> close(1001, "Server shutting down"));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (!upgraded && msg instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            upgraded(ClientMessages.Protocol.named(response.headers().get("Sec-WebSocket-Protocol")));
        } else if (closing && msg instanceof WebSocketFrame) {
            // the socket is closed in our name: Vert.x' own close answer (or a late message) would be a second close
            ReferenceCountUtil.release(msg);
            promise.setSuccess();
            return;
        } else if (msg instanceof CloseWebSocketFrame close) {
            closing = true;
            msg = fitted(close);
        }
        ctx.write(msg, promise);
    }

    /** The connection is a WebSocket now: tracked for shutdown whatever it speaks, checked when it speaks GraphQL. */
    private void upgraded(Optional<ClientMessages.Protocol> protocol) {
        upgraded = true;
        opened.accept(this);
        if (protocol.isEmpty()) {
            return; // SmallRye closes it (GraphQLSockets refuses such upgrades before they get here)
        }
        messages = new ClientMessages(protocol.get(), authorizationField);
        initTimer = context.executor().schedule(() -> {
            if (!initialised) {
                close(4408, "Connection initialisation timeout");
            }
        }, initTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (messages == null || !(msg instanceof WebSocketFrame frame) || msg instanceof CloseWebSocketFrame) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (frame.rsv() != 0) {
            // a compression extension in front of us has already inflated the frame and cleared the bit: a frame
            // that still carries one uses an extension nobody negotiated (RFC 6455, 5.2)
            ReferenceCountUtil.release(msg);
            close(1002, "Protocol error: reserved bits set without a negotiated extension");
            return;
        }
        if (frame instanceof BinaryWebSocketFrame || (frame instanceof ContinuationWebSocketFrame && partial == null)) {
            ReferenceCountUtil.release(msg);
            close(4400, "Invalid message received: messages are JSON text");
            return;
        }
        if (frame instanceof TextWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
            collect(ctx, frame);
            return;
        }
        ctx.fireChannelRead(msg); // ping and pong frames: Vert.x answers them
    }

    private void collect(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (partial == null) {
            partial = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
        }
        ByteBuf content = frame.content().retain();
        frame.release();
        partial.addComponent(true, content);
        if (partial.readableBytes() > maxMessageBytes) {
            discardPartial();
            close(1009, "Message too big: the limit is " + maxMessageBytes + " bytes");
            return;
        }
        if (!frame.isFinalFragment()) {
            return;
        }
        ByteBuf whole = partial;
        partial = null;
        ClientMessages.Verdict verdict = messages.check(whole.toString(StandardCharsets.UTF_8));
        whole.release();
        if (!verdict.valid()) {
            close(4400, verdict.problem());
            return;
        }
        switch (verdict.kind()) {
            case INIT -> {
                initialised = true;
                initTimer.cancel(false);
            }
            case TERMINATE -> {
                close(1000, ""); // subscriptions-transport-ws: the client ends the connection
                return;
            }
            case OTHER -> {
            }
        }
        ctx.fireChannelRead(new TextWebSocketFrame(verdict.text()));
    }

    private void close(int code, String reason) {
        if (closing || !context.channel().isActive()) {
            return;
        }
        LOG.debugf("closing a GraphQL WebSocket with %d: %s", code, reason);
        closing = true;
        context.writeAndFlush(fitted(new CloseWebSocketFrame(code, reason)));
        context.executor().schedule(() -> {
            if (context.channel().isActive()) {
                context.close();
            }
        }, CLOSE_ANSWER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A close frame carries at most 125 bytes: the code and 123 of reason, cut on a character boundary. */
    private static CloseWebSocketFrame fitted(CloseWebSocketFrame close) {
        String reason = close.reasonText();
        if (reason == null || reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return close;
        }
        int code = close.statusCode();
        close.release();
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < reason.length();) {
            int point = reason.codePointAt(i);
            int size = new String(Character.toChars(point)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_REASON_BYTES) {
                break;
            }
            cut.appendCodePoint(point);
            bytes += size;
            i += Character.charCount(point);
        }
        return new CloseWebSocketFrame(code, cut.toString());
    }

    private void discardPartial() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        discardPartial();
        if (initTimer != null) {
            initTimer.cancel(false);
        }
        if (upgraded) {
            ended.accept(this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardPartial();
    }
}
