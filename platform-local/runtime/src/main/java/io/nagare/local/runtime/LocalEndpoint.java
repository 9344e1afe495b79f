package io.nagare.local.runtime;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The HTTP listener of the local runtime (Netty). Requests are read whole, then served on a worker pool so a
 * slow call (a synchronous execution, a long poll) never blocks the event loop.
 */
final class LocalEndpoint implements AutoCloseable {

    /** AWS's largest request bodies (e.g. 16 MB DynamoDB batch responses are outgoing) stay well under this. */
    private static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService handlers;
    private final Channel channel;

    private LocalEndpoint(String host, int port, Router router) {
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        this.handlers = new ThreadPoolExecutor(64, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        ((ThreadPoolExecutor) handlers).allowCoreThreadTimeOut(true);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast(new RequestHandler(router, handlers));
                        }
                    });
            this.channel = bootstrap.bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdown();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    static LocalEndpoint start(String host, int port, Router router) {
        return new LocalEndpoint(host, port, router);
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        shutdown();
    }

    private void shutdown() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        handlers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "nagare-endpoint-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Router router;
        private final ExecutorService handlers;

        RequestHandler(Router router, ExecutorService handlers) {
            this.router = router;
            this.handlers = handlers;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.decoderResult().isSuccess()) {
                write(ctx, LocalResponse.text(400, "malformed HTTP request\n"), false);
                return;
            }
            LocalRequest local = toLocal(request);
            handlers.execute(() -> write(ctx, router.route(local), keepAlive));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private static LocalRequest toLocal(FullHttpRequest request) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + "," + b));
            Map<String, List<String>> query = new HashMap<>();
            uri.parameters().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
            return new LocalRequest(request.method().name(), uri.path(), query, headers,
                    ByteBufUtil.getBytes(request.content()));
        }

        private static void write(ChannelHandlerContext ctx, LocalResponse local, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(local.status()), Unpooled.wrappedBuffer(local.body()));
            local.headers().forEach((name, value) -> response.headers().set(name, value));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, local.body().length);
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
