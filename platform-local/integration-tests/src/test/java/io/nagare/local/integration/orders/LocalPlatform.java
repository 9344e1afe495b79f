package io.nagare.local.integration.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.dynamodb.DynamoDbStreamsServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.gateway.GatewaySettings;
import io.nagare.local.gateway.LocalGateway;
import io.nagare.local.gateway.Partner;
import io.nagare.local.lambda.LambdaServiceFactory;
import io.nagare.local.provisioning.EventRoutingProvisioningFactory;
import io.nagare.local.provisioning.StorageProvisioningFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.simulators.PartnerSimulators;
import io.nagare.local.simulators.SimulatorSettings;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.PlatformModel;

/**
 * The platform as {@code ./nagare up} runs it (runtime with the discovered model provisioned, gateway, partner
 * simulators), on ports the test chooses, so tests do not meet a developer's {@code nagare up} on 4566/8080/8090:
 * the model's local partner URLs (payments' {@code PAYMENT_GATEWAY_URL}, shipping's {@code CARRIER_API_URL}) are
 * pointed at the simulators' port. Simulator delays are short: a shipment is dispatched 2 s after it is asked for.
 */
final class LocalPlatform implements AutoCloseable {

    /** The three ports of one platform. */
    record Ports(int endpoint, int gateway, int simulators) {

        static Ports free() {
            return new Ports(freePort(), freePort(), freePort());
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final LocalRuntime runtime;
    final LocalGateway gateway;
    final PartnerSimulators simulators;
    final Ports ports;

    private LocalPlatform(LocalRuntime runtime, LocalGateway gateway, PartnerSimulators simulators, Ports ports) {
        this.runtime = runtime;
        this.gateway = gateway;
        this.simulators = simulators;
        this.ports = ports;
    }

    static LocalPlatform start(Path dataDirectory, Ports ports) {
        PlatformModel model = withPartnersAt(PlatformModel.discover(), ports.simulators());
        LocalRuntime runtime = LocalRuntime.builder().port(ports.endpoint()).dataDirectory(dataDirectory)
                .discoverServices(false)
                .service(new DynamoDbServiceFactory())
                .service(new DynamoDbStreamsServiceFactory())
                .service(new SqsServiceFactory())
                .service(new StepFunctionsServiceFactory())
                .service(new StorageProvisioningFactory(model))
                .service(new LambdaServiceFactory(model))
                .service(new EventBridgeServiceFactory())
                .service(new EventRoutingProvisioningFactory(model))
                .start();
        LocalGateway gateway = null;
        try {
            gateway = LocalGateway.start(GatewaySettings.builder(runtime.context(), model).port(ports.gateway())
                    .build());
            Partner carrier = gateway.partner("carrier").orElseThrow();
            PartnerSimulators simulators = PartnerSimulators.start(SimulatorSettings.builder()
                    .port(ports.simulators())
                    .clock(runtime.context().clock())
                    .dataDirectory(dataDirectory.resolve("simulators"))
                    .partnerApiUrl(URI.create("http://localhost:" + gateway.port()))
                    .carrierCredentials(carrier.clientId(), carrier.clientSecret())
                    .statusInterval(Duration.ofSeconds(1))
                    .dispatchDelay(Duration.ofSeconds(2))
                    .lateDispatchDelay(Duration.ofSeconds(3))
                    .build());
            return new LocalPlatform(runtime, gateway, simulators, ports);
        } catch (RuntimeException e) {
            if (gateway != null) {
                gateway.close();
            }
            runtime.close();
            throw e;
        }
    }

    URI endpoint() {
        return URI.create(runtime.endpointUrl());
    }

    URI gatewayUrl() {
        return URI.create("http://localhost:" + gateway.port());
    }

    Partner storefront() {
        return gateway.partner("storefront").orElseThrow();
    }

    /** The model with every local partner URL ({@code http://localhost:8090/...}) moved to {@code port}. */
    static PlatformModel withPartnersAt(PlatformModel model, int port) {
        PlatformModel.Builder builder = PlatformModel.builder();
        for (FunctionDeclaration function : model.functions()) {
            FunctionDeclaration.Builder moved = function.toBuilder();
            function.environment().forEach((name, value) -> {
                if (value.startsWith("http://localhost:8090/")) {
                    moved.environment(name, "http://localhost:" + port + value.substring("http://localhost:8090".length()));
                }
            });
            builder.function(moved.build());
        }
        model.subscriptions().forEach(builder::subscription);
        model.sagas().forEach(builder::saga);
        model.tables().forEach(builder::table);
        model.queues().forEach(builder::queue);
        model.buses().forEach(builder::bus);
        model.routes().forEach(builder::route);
        return builder.build();
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : List.<AutoCloseable>of(simulators, gateway, runtime)) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("closing " + closeable + " failed: " + e);
            }
        }
    }
}
