package io.nagare.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import org.junit.jupiter.api.Test;

class ShippingDeclarationsTest {

    /** The bus (platform-api) and the saga (sagas/order-fulfilment), declared by their own modules in the real model. */
    static final class StandIn implements PlatformDeclarations {
        @Override
        public String owner() {
            return "platform";
        }

        @Override
        public void declare(PlatformModel.Builder model) {
            model.bus("nagare", b -> b.archiveRetentionDays(30));
            model.saga("order-fulfilment", s -> s.definition("stand-in/order-fulfilment.asl.json"));
        }
    }

    @Test
    void declare_shouldGiveAValidModel_whenTheBusAndTheSagaAreDeclared() {
        PlatformModel model = ModelValidator.create().validate(PlatformModel.of(new ShippingDeclarations(),
                new StandIn()));

        assertThat(model.functions()).extracting(FunctionDeclaration::name)
                .containsExactly("carrier-callback", "request-shipment");
        assertThat(model.consumersOf("ShipmentStatusUpdated")).singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo("carrier-events-to-shipping");
                    assertThat(s.target()).isEqualTo(Reference.queue("carrier-events"));
                    assertThat(s.detailTypes()).containsExactlyInAnyOrder("ShipmentStatusUpdated", "ShipmentDispatched",
                            "ShipmentFailed");
                });
        assertThat(model.functionsConsuming("carrier-events")).extracting(FunctionDeclaration::name)
                .containsExactly("carrier-callback");
        FunctionDeclaration callback = model.function("carrier-callback").orElseThrow();
        assertThat(callback.resourceVariables()).containsKeys("NAGARE_TABLE_SHIPMENTS", "NAGARE_SAGA_ORDER_FULFILMENT");
        FunctionDeclaration request = model.function("request-shipment").orElseThrow();
        assertThat(request.environment()).containsEntry("CARRIER_API_URL", "http://localhost:8090/carrier");
        assertThat(request.publishedDetailTypes()).containsExactly("ShipmentRequested");
        assertThat(model.table("shipments").orElseThrow().ttlAttribute()).isEqualTo("expiresAt");
    }

    @Test
    void services_shouldListTheDeclarations_whenTheModelIsDiscovered() {
        assertThat(PlatformModel.discover().owners()).contains("shipping");
    }
}
