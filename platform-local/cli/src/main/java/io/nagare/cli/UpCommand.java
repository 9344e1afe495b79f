package io.nagare.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.nagare.local.runtime.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nagare up}: starts the local runtime and serves until interrupted. */
@Command(name = "up",
        mixinStandardHelpOptions = true,
        description = "Run the platform locally: every emulated AWS service on one endpoint (default http://localhost:4566).")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".nagare",
            description = "Where local state is kept; a restart continues from it (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "4566", description = "Endpoint port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        LocalRuntime runtime = LocalRuntime.builder().host(host).port(port).dataDirectory(dataDir).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "nagare-shutdown"));
        System.out.println("nagare: local AWS endpoint " + runtime.endpointUrl() + " (data in " + dataDir.toAbsolutePath() + ")");
        for (Map.Entry<String, Boolean> service : runtime.health().entrySet()) {
            System.out.println("  " + service.getKey() + (service.getValue() ? " ready" : " starting"));
        }
        System.out.println("nagare: health " + runtime.endpointUrl() + LocalRuntime.HEALTH_PATH + "; Ctrl-C stops");
        stopped.await();
        return 0;
    }
}
