package io.nagare.local.integration.orders;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The platform in its own process, for kill -9 tests: {@code PlatformProcess DATA_DIR ENDPOINT_PORT GATEWAY_PORT
 * SIMULATORS_PORT} prints {@code ready} once it serves, then serves until killed.
 */
public final class PlatformProcess {

    private PlatformProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalPlatform platform = LocalPlatform.start(Path.of(args[0]), new LocalPlatform.Ports(
                Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3])));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }));
        System.out.println("ready");
        System.out.flush();
        stopped.await();
    }
}
