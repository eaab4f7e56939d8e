package dev.atelier.common.graphql.socket;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written against RFC 6455 by hand, for frames no library sends (reserved bits set): the
 * handshake with subprotocol graphql-transport-ws, masked text frames, and reading frames until a close.
 */
final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    RawSocket(URI graphql) throws IOException {
        socket = new Socket(graphql.getHost(), graphql.getPort());
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        out.write(("GET " + graphql.getPath() + " HTTP/1.1\r\nHost: " + graphql.getHost() + ":" + graphql.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String head = readHead(in);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
    }

    /** One final, masked text frame; {@code reserved} is OR-ed into the first byte (0x40 = RSV1). */
    void text(String text, int reserved) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        out.write(0x80 | reserved | 0x1);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    /** Reads frames until the server's close frame and returns its code (-1: the connection ended without one). */
    int closeCode() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if ((first & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
