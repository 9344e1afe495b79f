package io.nagare.local.dynamodb.bench;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * Measures GetItem+PutItem through the AWS SDK v2 and through a raw keep-alive HTTP client against the same server,
 * side by side, to find where the SDK path loses its throughput. Not a test: run it with {@code java -cp} (test
 * classes, the test classpath and, for {@code apache}, the SDK's Apache client jars).
 *
 * <pre>
 * java -cp ... io.nagare.local.dynamodb.bench.SdkPathBench [--endpoint URL] [--threads N] [--seconds S]
 *     [--rounds R] [--clients raw,sdk-url,sdk-apache,...]
 * </pre>
 */
public final class SdkPathBench {

    private static final String TABLE = "sdk-path-bench";
    private static final int ITEMS = 1_000;

    private SdkPathBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        List<String> clients = Arrays.asList(options.getOrDefault("clients", "raw,sdk-url,sdk-apache").split(","));
        LocalRuntime runtime = null;
        URI endpoint;
        serverPid = Long.parseLong(options.getOrDefault("server-pid", "0"));
        if (options.containsKey("serve")) {
            // Server only, so client and server CPU can be told apart (give the client --server-pid).
            Path data = Files.createTempDirectory("sdk-path-bench");
            LocalRuntime.builder().port(Integer.parseInt(options.get("serve"))).dataDirectory(data)
                    .discoverServices(false).service(new DynamoDbServiceFactory()).start();
            System.out.println("serving on " + options.get("serve") + ", pid " + ProcessHandle.current().pid());
            Thread.sleep(Long.MAX_VALUE);
        }
        if (options.containsKey("endpoint")) {
            endpoint = URI.create(options.get("endpoint"));
        } else {
            Path data = Files.createTempDirectory("sdk-path-bench");
            runtime = LocalRuntime.builder().port(0).dataDirectory(data).discoverServices(false)
                    .service(new DynamoDbServiceFactory()).start();
            endpoint = URI.create(runtime.endpointUrl());
        }
        try (DynamoDbClient setup = sdk(endpoint, "url", threads)) {
            setup.listTables().tableNames().stream().filter(TABLE::equals).findAny()
                    .ifPresent(t -> setup.deleteTable(b -> b.tableName(TABLE)));
            setup.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            for (int i = 0; i < ITEMS; i++) {
                setup.putItem(b -> b.tableName(TABLE).item(item(ThreadLocalRandom.current().nextInt(ITEMS))));
            }
        }
        System.out.printf("endpoint %s, %d threads, %d s x %d rounds, %d items; cores %d%n", endpoint, threads,
                seconds, rounds, ITEMS, Runtime.getRuntime().availableProcessors());
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (String client : clients) {
                // "kind@N" runs that client with N threads instead of --threads.
                String kind = client.contains("@") ? client.substring(0, client.indexOf('@')) : client;
                int clientThreads = client.contains("@") ? Integer.parseInt(client.substring(client.indexOf('@') + 1))
                        : threads;
                double rate = run(kind, endpoint, clientThreads, round == 0 ? Math.max(3, seconds / 2) : seconds);
                if (round > 0) {
                    results.computeIfAbsent(client, c -> new ArrayList<>()).add(rate);
                }
                System.out.printf("%s round %d %-12s %,10.0f ops/s  load %.1f%n", round == 0 ? "warm-up" : "measured",
                        round, client, rate, load());
            }
        }
        System.out.println("medians:");
        results.forEach((client, rates) -> {
            List<Double> sorted = rates.stream().sorted().toList();
            System.out.printf("  %-12s %,10.0f ops/s  (runs %s)%n", client, sorted.get(sorted.size() / 2),
                    rates.stream().map(r -> String.format("%,.0f", r)).toList());
        });
        if (runtime != null) {
            runtime.close();
        }
    }

    private static double run(String client, URI endpoint, int threads, int seconds) throws InterruptedException {
        AtomicLong operations = new AtomicLong();
        // The client is built before the clock starts: building the Apache client alone takes seconds here.
        DynamoDbClient shared = client.startsWith("sdk-") ? sdk(endpoint, client.substring(4), threads) : null;
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Supplier<Runnable> body = () -> {
                if (shared != null) {
                    return () -> {
                        int i = ThreadLocalRandom.current().nextInt(ITEMS);
                        shared.getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("p" + i))));
                        shared.putItem(b -> b.tableName(TABLE).item(item(i)));
                    };
                }
                RawConnection raw = new RawConnection(endpoint, client.equals("raw-sdk-headers"));
                return () -> {
                    int i = ThreadLocalRandom.current().nextInt(ITEMS);
                    raw.call("GetItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"p" + i + "\"}}}");
                    raw.call("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"p" + i
                            + "\"},\"payload\":{\"S\":\"" + "x".repeat(100) + "\"},\"n\":{\"N\":\"" + i + "\"}}}");
                };
            };
            Thread worker = new Thread(() -> {
                Runnable pair = body.get();
                while (System.nanoTime() < deadline) {
                    pair.run();
                    operations.addAndGet(2);
                }
            });
            workers.add(worker);
        }
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        long serverStart = serverCpuNanos();
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("    %s: %.0f us process CPU per operation%s%n", client,
                (cpuNanos() - cpuStart) / 1e3 / Math.max(1, operations.get()), serverPid == 0 ? ""
                        : String.format(", server process %.0f us", (serverCpuNanos() - serverStart) / 1e3
                        / Math.max(1, operations.get())));
        if (shared != null) {
            shared.close();
        }
        return operations.get() / elapsed;
    }

    private static Map<String, AttributeValue> item(int i) {
        return Map.of("pk", AttributeValue.fromS("p" + i), "payload", AttributeValue.fromS("x".repeat(100)),
                "n", AttributeValue.fromN(Integer.toString(i)));
    }

    /**
     * kind: {@code url} (URLConnection client) or {@code apache} (needs the Apache client jars on the classpath);
     * with {@code -anon} the client has anonymous credentials, so the SDK does not sign (the local endpoint does not
     * check signatures).
     */
    static DynamoDbClient sdk(URI endpoint, String kind, int connections) {
        boolean anonymous = kind.endsWith("-anon");
        SdkHttpClient http = switch (kind.replace("-anon", "")) {
            case "url" -> UrlConnectionHttpClient.create();
            case "apache" -> apache(connections, true);
            default -> throw new IllegalArgumentException("unknown client " + kind);
        };
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(anonymous ? AnonymousCredentialsProvider.create()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(http).build();
    }

    private static SdkHttpClient apache(int connections, boolean reaper) {
        // Reflection keeps this file compiling without the Apache client on the module's test classpath.
        try {
            Class<?> type = Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient");
            Object builder = type.getMethod("builder").invoke(null);
            Class<?> builderType = Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient$Builder");
            builderType.getMethod("maxConnections", Integer.class).invoke(builder, connections);
            builderType.getMethod("useIdleConnectionReaper", Boolean.class).invoke(builder, reaper);
            return (SdkHttpClient) builderType.getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("put apache-client and httpclient on the classpath: " + e, e);
        }
    }

    private static long serverPid;

    /** utime + stime of the server process from /proc (ticks of 10 ms). */
    private static long serverCpuNanos() {
        if (serverPid == 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** One keep-alive HTTP/1.1 connection, unsigned JSON requests, Content-Length responses only. */
    static final class RawConnection {
        private static final String SDK_HEADERS = "amz-sdk-invocation-id: 516aff71-6fd3-afe9-9655-3bf5c0d24210\r\n"
                + "amz-sdk-request: attempt=1; max=9\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20261128/ap-northeast-1/dynamodb/aws4_request, "
                + "SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;"
                + "x-amz-content-sha256;x-amz-date;x-amz-target, "
                + "Signature=af91767e574090be7bf9bccfa3dac394a3f6a4af42231263944d82742929d142\r\n"
                + "User-Agent: aws-sdk-java/2.57.8 md/io#sync md/http#Apache ua/2.1 api/DynamoDB#2.57.x "
                + "os/Linux#6.18.44-fc-v857 lang/java#17.0.15 md/OpenJDK_64-Bit_Server_VM#17.0.15+6-Debian-1deb12u1 "
                + "md/vendor#Debian m/D,AK,N,P,d,e\r\n"
                + "x-amz-content-sha256: 44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\r\n"
                + "X-Amz-Date: 20261128T182538Z\r\nConnection: Keep-Alive\r\n";

        private final String host;
        private final String extraHeaders;
        private final OutputStream out;
        private final InputStream in;

        RawConnection(URI endpoint) {
            this(endpoint, false);
        }

        /** @param sdkHeaders also send the headers the SDK sends (same names and sizes), to price them on the server */
        RawConnection(URI endpoint, boolean sdkHeaders) {
            this.host = endpoint.getHost() + ":" + endpoint.getPort();
            this.extraHeaders = sdkHeaders ? SDK_HEADERS : "";
            try {
                Socket socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
                this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
                this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String call(String operation, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n" + extraHeaders + "Content-Length: "
                    + body.length + "\r\n\r\n";
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String status = line();
                int length = -1;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                byte[] response = in.readNBytes(length);
                if (!status.contains(" 200 ")) {
                    throw new IllegalStateException(status + " " + new String(response, StandardCharsets.UTF_8));
                }
                return new String(response, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
