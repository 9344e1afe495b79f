package io.nagare.local.integration;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.nagare.local.runtime.LocalRuntime;

/**
 * A local runtime in its own process, as {@code ./nagare up --data-dir DIR --port 0} starts it (every service on the
 * classpath): prints {@code port <n>} once it serves, then serves until killed (a SIGTERM closes it cleanly).
 */
public final class RuntimeProcess {

    private RuntimeProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalRuntime runtime = LocalRuntime.builder().port(0).dataDirectory(Path.of(args[0])).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }));
        System.out.println("port " + runtime.port());
        System.out.flush();
        stopped.await();
    }
}
