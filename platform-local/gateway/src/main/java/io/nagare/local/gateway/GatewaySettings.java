package io.nagare.local.gateway;

import java.nio.file.Path;
import java.util.Objects;

import io.nagare.local.runtime.RuntimeContext;
import io.nagare.platform.model.PlatformModel;

/**
 * How to start the gateway.
 *
 * @param runtime       the local runtime whose Lambda service runs the routes' functions, whose DynamoDB holds the
 *                      {@code partners} table, and whose clock the tokens are dated by
 * @param model         the platform model whose {@link PlatformModel#routes()} are served
 * @param host          the interface to listen on ({@code 127.0.0.1} by default)
 * @param port          the port (8080 by default; 0 picks a free one)
 * @param dataDirectory where the signing key and {@code partners.json} are kept, so tokens and secrets survive a
 *                      restart; by default the runtime's data directory
 * @param issuer        the tokens' {@code iss}; null for {@code http://localhost:<port>}
 */
public record GatewaySettings(RuntimeContext runtime, PlatformModel model, String host, int port, Path dataDirectory,
                              String issuer) {

    public static final int DEFAULT_PORT = 8080;

    public GatewaySettings {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(host, "host");
        if (dataDirectory == null) {
            dataDirectory = runtime.dataDirectory().orElseThrow(() -> new IllegalArgumentException(
                    "the gateway needs a data directory for its signing key and partners.json: the runtime has none"
                            + " (it runs in memory), so give one with GatewaySettings.builder(...).dataDirectory(dir)"));
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535 (0 picks a free one); got " + port);
        }
    }

    public static Builder builder(RuntimeContext runtime, PlatformModel model) {
        return new Builder(runtime, model);
    }

    /** Builds {@link GatewaySettings}; see the record for the defaults. */
    public static final class Builder {
        private final RuntimeContext runtime;
        private final PlatformModel model;
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path dataDirectory;
        private String issuer;

        private Builder(RuntimeContext runtime, PlatformModel model) {
            this.runtime = runtime;
            this.model = model;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public GatewaySettings build() {
            return new GatewaySettings(runtime, model, host, port, dataDirectory, issuer);
        }
    }
}
