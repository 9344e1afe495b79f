package io.nagare.cli.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection sending DynamoDB JSON requests without the SDK (no marshalling, and an
 * Authorization header of the right shape whose signature is not computed, so only servers that do not verify
 * signatures accept it): the kind of client dynalite's published figures were taken with, so a local server can be
 * measured on its own.
 */
final class DynamoDbHttpConnection implements AutoCloseable {

    private static final String AUTHORIZATION = "Authorization: AWS4-HMAC-SHA256 "
            + "Credential=bench/20260101/ap-northeast-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=0\r\nX-Amz-Date: 20260101T000000Z\r\n";

    private final String host;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    DynamoDbHttpConnection(URI endpoint) {
        if (!"http".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("--client http needs an http:// endpoint, got " + endpoint);
        }
        int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
        this.host = endpoint.getHost() + ":" + port;
        try {
            this.socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 5_000);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + endpoint, e);
        }
    }

    /** Sends one operation; returns the response body, or fails when the status is not 200. */
    String call(String operation, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n" + AUTHORIZATION
                + "Content-Length: " + body.length + "\r\n\r\n";
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:")) {
                    throw new IllegalStateException("not supported: chunked responses (" + header + ")");
                }
            }
            if (length < 0) {
                throw new IllegalStateException("response without Content-Length: " + status);
            }
            String response = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (!status.contains(" 200 ")) {
                throw new IllegalStateException(operation + " answered " + status + ": " + response);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " failed", e);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
