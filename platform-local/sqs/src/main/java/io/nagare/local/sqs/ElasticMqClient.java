package io.nagare.local.sqs;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.local.runtime.LocalResponse;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;

/**
 * HTTP/1.1 to ElasticMQ's loopback port over a pool of keep-alive connections. ElasticMQ offers no in-process entry
 * to its REST routes (they are built and bound inside {@code SQSRestServerBuilder.start()}), so requests take this
 * one loopback hop. Netty rather than {@code java.net.http} because the client's {@code Host} header must reach
 * ElasticMQ, which builds queue URLs from it, and the JDK client refuses to set {@code Host}.
 */
final class ElasticMqClient implements AutoCloseable {

    /** Longer than the longest long poll (20 s) plus ElasticMQ's own 21 s request timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_CONNECTIONS = 128;
    private static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
    private static final Set<String> HOP_BY_HOP = caseInsensitive("host", "connection", "content-length",
            "transfer-encoding", "keep-alive", "expect", "upgrade", "te", "trailer", "proxy-connection");
    private static final AttributeKey<CompletableFuture<FullHttpResponse>> PENDING =
            AttributeKey.valueOf("nagare-sqs-pending");

    private final EventLoopGroup group;
    private final FixedChannelPool pool;

    ElasticMqClient(int port) {
        AtomicInteger count = new AtomicInteger();
        this.group = new MultiThreadIoEventLoopGroup(1, runnable -> {
            Thread thread = new Thread(runnable, "nagare-sqs-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .remoteAddress("127.0.0.1", port)
                .option(ChannelOption.TCP_NODELAY, true);
        this.pool = new FixedChannelPool(bootstrap, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel channel) {
                channel.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                        .addLast(new ResponseHandler());
            }
        }, MAX_CONNECTIONS);
    }

    /**
     * Sends one request and waits for its response.
     *
     * @param uri     path and encoded query, e.g. {@code /} or {@code /000000000000/orders?Action=ReceiveMessage}
     * @param host    the {@code Host} header ElasticMQ builds queue URLs from
     * @param headers the client's headers; hop-by-hop ones are dropped
     * @throws IOException when ElasticMQ cannot be reached or does not answer in time
     */
    LocalResponse exchange(String method, String uri, String host, Map<String, String> headers, byte[] body)
            throws IOException {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), uri,
                Unpooled.wrappedBuffer(body));
        headers.forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name)) {
                request.headers().set(name, value);
            }
        });
        request.headers().set(HttpHeaderNames.HOST, host);
        HttpUtil.setContentLength(request, body.length);
        HttpUtil.setKeepAlive(request, true);

        CompletableFuture<FullHttpResponse> response = new CompletableFuture<>();
        pool.acquire().addListener(acquired -> {
            if (!acquired.isSuccess()) {
                request.release();
                response.completeExceptionally(acquired.cause());
                return;
            }
            Channel channel = (Channel) acquired.getNow();
            channel.attr(PENDING).set(response);
            channel.writeAndFlush(request).addListener(written -> {
                if (!written.isSuccess()) {
                    fail(channel, written.cause());
                }
            });
        });
        try {
            FullHttpResponse full = response.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return toLocal(full);
            } finally {
                full.release();
            }
        } catch (TimeoutException e) {
            response.thenAccept(FullHttpResponse::release);
            throw new IOException("ElasticMQ did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("cannot reach ElasticMQ: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ElasticMQ", e);
        }
    }

    @Override
    public void close() {
        pool.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void fail(Channel channel, Throwable cause) {
        CompletableFuture<FullHttpResponse> pending = channel.attr(PENDING).getAndSet(null);
        channel.close();
        pool.release(channel);
        if (pending != null) {
            pending.completeExceptionally(cause);
        }
    }

    private static LocalResponse toLocal(FullHttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : response.headers()) {
            if (!HOP_BY_HOP.contains(header.getKey())) {
                headers.merge(header.getKey(), header.getValue(), (a, b) -> a + "," + b);
            }
        }
        return new LocalResponse(response.status().code(), headers, ByteBufUtil.getBytes(response.content()));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    private final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        ResponseHandler() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Channel channel = ctx.channel();
            CompletableFuture<FullHttpResponse> pending = channel.attr(PENDING).getAndSet(null);
            if (!HttpUtil.isKeepAlive(response)) {
                channel.close();
            }
            pool.release(channel);
            if (pending == null) {
                response.release();
            } else {
                pending.complete(response);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            CompletableFuture<FullHttpResponse> pending = ctx.channel().attr(PENDING).getAndSet(null);
            if (pending != null) {
                pending.completeExceptionally(new IOException("ElasticMQ closed the connection"));
                pool.release(ctx.channel());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx.channel(), cause);
        }
    }
}
