package io.nagare.local.dynamodb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.dynamodb.DynamoDbStreamsServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;

/**
 * Measures whether the store file stays bounded over a long run: cycles of puts, updates and deletes on a table with
 * a stream and TTL, the runtime's clock moved a day between cycles (TTL deletions, stream records past 24 hours),
 * printing {@code dynamodb.mv.db} and the write-ahead log after each phase. Not a test: run it with {@code java -cp}.
 *
 * <pre>
 * java -cp ... io.nagare.local.dynamodb.bench.StoreGrowthBench [--items N] [--cycles C] [--threads T]
 * </pre>
 */
public final class StoreGrowthBench {

    private static final String TABLE = "growth";

    private StoreGrowthBench() {
    }

    public static void main(String[] args) throws Exception {
        int items = 200_000;
        int cycles = 3;
        int threads = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--items" -> items = Integer.parseInt(args[i + 1]);
                case "--cycles" -> cycles = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("store-growth");
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        LocalRuntime runtime = LocalRuntime.builder().port(0).clock(clock).dataDirectory(data)
                .discoverServices(false).service(new DynamoDbServiceFactory())
                .service(new DynamoDbStreamsServiceFactory()).start();
        URI endpoint = URI.create(runtime.endpointUrl());
        SdkPathBench.RawConnection setup = new SdkPathBench.RawConnection(endpoint);
        setup.call("CreateTable", "{\"TableName\":\"" + TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
        setup.call("UpdateTimeToLive", "{\"TableName\":\"" + TABLE + "\",\"TimeToLiveSpecification\":"
                + "{\"Enabled\":true,\"AttributeName\":\"expires\"}}");
        System.out.printf("%,d items per cycle, %d threads, data in %s%n", items, threads, data);
        String payload = "x".repeat(200);
        for (int cycle = 1; cycle <= cycles; cycle++) {
            long expires = clock.now().plus(Duration.ofHours(1)).getEpochSecond();
            String prefix = "c" + cycle + "-";
            // Half the items expire in an hour (TTL), the other half is deleted below.
            phase(data, "cycle " + cycle + " puts", endpoint, threads, items, i -> new String[] {"PutItem",
                    "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"" + prefix + i + "\"},"
                            + "\"payload\":{\"S\":\"" + payload + "\"}"
                            + (i % 2 == 0 ? ",\"expires\":{\"N\":\"" + expires + "\"}" : "") + "}}"});
            phase(data, "cycle " + cycle + " updates", endpoint, threads, items, i -> new String[] {"UpdateItem",
                    "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"" + prefix + i + "\"}},"
                            + "\"UpdateExpression\":\"SET payload = :p, version = :v\",\"ExpressionAttributeValues\":"
                            + "{\":p\":{\"S\":\"" + payload.replace('x', 'y') + "\"},\":v\":{\"N\":\"2\"}}}"});
            phase(data, "cycle " + cycle + " deletes", endpoint, threads, items / 2, i -> new String[] {"DeleteItem",
                    "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"" + prefix + (2 * i + 1) + "\"}}}"});
            // A day later: the TTL items have expired and every stream record of this cycle is past 24 hours.
            clock.advance(Duration.ofHours(25));
            waitForTtl(setup);
            setup.call("PutItem", "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"tick\"}}}");
            report(data, "cycle " + cycle + " a day later", 0, 0);
        }
        runtime.close();
        report(data, "after close", 0, 0);
    }

    private interface Request {
        String[] make(int i);
    }

    private static void phase(Path data, String name, URI endpoint, int threads, int count, Request request)
            throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                SdkPathBench.RawConnection connection = new SdkPathBench.RawConnection(endpoint);
                for (int i = first; i < count; i += threads) {
                    String[] call = request.make(i);
                    connection.call(call[0], call[1]);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        report(data, name, count, System.nanoTime() - start);
    }

    /** TTL deletes in the background once the clock passed the expiries; waits until ItemCount stops falling. */
    private static void waitForTtl(SdkPathBench.RawConnection connection) throws InterruptedException {
        long previous = -1;
        for (long count = itemCount(connection); count != previous; count = itemCount(connection)) {
            previous = count;
            Thread.sleep(2_000);
        }
        System.out.printf("items left after TTL: %,d%n", previous);
    }

    private static long itemCount(SdkPathBench.RawConnection connection) {
        String table = connection.call("DescribeTable", "{\"TableName\":\"" + TABLE + "\"}");
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"ItemCount\":(\\d+)").matcher(table);
        if (!count.find()) {
            throw new IllegalStateException("no ItemCount in " + table);
        }
        return Long.parseLong(count.group(1));
    }

    private static void report(Path data, String phase, int count, long nanos) {
        System.out.printf("%-26s store %7.1f MB, log %7.1f MB%s%n", phase, megabytes(data.resolve("dynamodb.mv.db")),
                megabytes(data.resolve("dynamodb-log")), count == 0 ? ""
                        : String.format(", %,d requests in %.1f s", count, nanos / 1e9));
    }

    private static double megabytes(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
