package io.nagare.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.runtime.InProcessHttpClient;
import io.nagare.local.runtime.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code nagare bench dynamodb}: GetItem, PutItem and Query through the AWS SDK against any DynamoDB-compatible
 * endpoint (by default an in-process local runtime with a temporary data directory), reporting throughput and
 * latency per operation.
 */
@Command(name = "dynamodb",
        mixinStandardHelpOptions = true,
        description = "GetItem+PutItem (+Query) through the AWS SDK against a DynamoDB endpoint; prints ops/s and "
                + "median/p99 latency.")
public final class DynamoDbBenchCommand implements Callable<Integer> {

    @Option(names = "--endpoint", description = "Endpoint to measure (default: start a local runtime on a free port).")
    URI endpoint;

    @Option(names = "--items", defaultValue = "1000", description = "Items in the table (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--concurrency", defaultValue = "32",
            description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--duration", defaultValue = "20", description = "Seconds measured (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    // The SDK's code path is large: on 2 cores its calls reach their steady cost only after about a minute of load.
    @Option(names = "--warmup", defaultValue = "60",
            description = "Seconds run before measuring (default: ${DEFAULT-VALUE}; the SDK client needs about a minute "
                    + "of load before the JIT has compiled its path).")
    int warmupSeconds;

    @Option(names = "--query-percent", defaultValue = "10",
            description = "Share of Query calls; the rest is half GetItem, half PutItem (default: ${DEFAULT-VALUE}).")
    int queryPercent;

    @Option(names = "--client", defaultValue = "sdk",
            description = "sdk: the AWS SDK for Java v2 (signed, keep-alive Apache client); in-process: the same SDK "
                    + "client handing its requests to a local runtime in this JVM with no socket, as the runtime's "
                    + "Lambda functions reach it (not with --endpoint); http: raw keep-alive HTTP/1.1, one connection "
                    + "per thread, to measure the server alone (default: ${DEFAULT-VALUE}).")
    String clientKind;

    @Option(names = "--table", defaultValue = "nagare-bench", description = "Table to (re)create (default: ${DEFAULT-VALUE}).")
    String table;

    @Override
    public Integer call() {
        if (items < 1 || concurrency < 1 || durationSeconds < 1 || warmupSeconds < 0 || queryPercent < 0
                || queryPercent > 100 || !List.of("sdk", "in-process", "http").contains(clientKind)) {
            System.err.println("nagare bench dynamodb: --items, --concurrency and --duration must be positive, "
                    + "--warmup not negative, --query-percent between 0 and 100, --client sdk, in-process or http");
            return 2;
        }
        boolean inProcess = clientKind.equals("in-process");
        if (inProcess && endpoint != null) {
            System.err.println("nagare bench dynamodb: --client in-process starts its own runtime; drop --endpoint");
            return 2;
        }
        Path dataDirectory = null;
        LocalRuntime runtime = null;
        try {
            URI target = endpoint;
            if (target == null) {
                dataDirectory = Files.createTempDirectory("nagare-bench-dynamodb");
                runtime = LocalRuntime.builder().port(inProcess ? -1 : 0).dataDirectory(dataDirectory)
                        .discoverServices(false).service(new DynamoDbServiceFactory()).start();
                target = URI.create(runtime.endpointUrl());
            }
            SdkHttpClient http = inProcess ? InProcessHttpClient.of(runtime.context())
                    : ApacheHttpClient.builder().maxConnections(concurrency).connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30)).build();
            run(target, http, runtime == null ? "" : inProcess ? " (runtime in this JVM, no socket, data in "
                    + dataDirectory + ")" : " (runtime in this JVM, data in " + dataDirectory + ")", System.out);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (runtime != null) {
                runtime.close();
            }
            if (dataDirectory != null) {
                deleteRecursively(dataDirectory);
            }
        }
    }

    private void run(URI target, SdkHttpClient http, String where, PrintStream out) {
        out.printf("nagare bench dynamodb: %s%s, %,d items, concurrency %d, %s client, %d s after %d s warm-up%n",
                target, where, items, concurrency, clientKind, durationSeconds, warmupSeconds);
        try (http; DynamoDbClient client = client(target, http)) {
            DynamoDbWorkload workload = new DynamoDbWorkload(client, table, items, queryPercent);
            long loadStart = System.nanoTime();
            workload.load(concurrency);
            out.printf("loaded %,d items in %.1f s%n", items, (System.nanoTime() - loadStart) / 1e9);
            URI raw = clientKind.equals("http") ? target : null;
            DynamoDbLoadRun.run(workload, concurrency, Duration.ofSeconds(warmupSeconds), raw);
            long cpuBefore = ProcessCpu.nanos();
            DynamoDbLatencies results = DynamoDbLoadRun.run(workload, concurrency, Duration.ofSeconds(durationSeconds),
                    raw);
            long cpu = ProcessCpu.nanos() - cpuBefore;
            results.print(out, durationSeconds);
            out.printf("CPU of this JVM per operation: %.0f us (%s)%n", cpu / 1e3 / Math.max(1, results.count()),
                    endpoint == null ? "client and server" : "the client only");
        }
    }

    static DynamoDbClient client(URI endpoint, SdkHttpClient http) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(http)
                .build();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("nagare bench dynamodb: could not remove " + directory + ": " + e.getMessage());
        }
    }
}
