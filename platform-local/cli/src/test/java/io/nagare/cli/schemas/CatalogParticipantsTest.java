package io.nagare.cli.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.catalog.EventCatalog;
import org.junit.jupiter.api.Test;

class CatalogParticipantsTest {

    private static final PlatformModel ORDERS = PlatformModel.of(new PlatformDeclarations() {
        @Override
        public String owner() {
            return "orders";
        }

        @Override
        public void declare(PlatformModel.Builder model) {
            model.function("partner-events-api", function -> function
                    .handler("io.nagare.orders.PartnerEventsApiHandler")
                    .publishes("nagare", "OrderPlaced"));
            model.saga("order-fulfilment", saga -> saga
                    .definition("sagas/order-fulfilment.asl.json")
                    .publishes("nagare", "OrderConfirmed"));
            model.subscription("order-placed-to-saga", subscription -> subscription
                    .bus("nagare")
                    .pattern("{\"detail-type\": [\"OrderPlaced\"]}")
                    .target(Reference.saga("order-fulfilment"))
                    .deadLetterQueue("orders-dlq"));
        }
    });

    @Test
    void catalog_shouldNameProducersFromDeclaredPublicationsAndConsumersFromSubscriptions() {
        EventCatalog catalog = CatalogParticipants.catalog(SchemaRegistry.fromClasspath(), ORDERS);

        assertThat(catalog.producers().get("OrderPlaced")).containsExactly("function partner-events-api");
        assertThat(catalog.producers().get("OrderConfirmed")).containsExactly("saga order-fulfilment");
        assertThat(catalog.consumers().get("OrderPlaced"))
                .containsExactly("saga order-fulfilment (subscription order-placed-to-saga)");
    }

    @Test
    void catalog_shouldLeaveAnEventWithoutParticipants_whenTheModelDoesNotNameIt() {
        EventCatalog catalog = CatalogParticipants.catalog(SchemaRegistry.fromClasspath(), ORDERS);

        assertThat(catalog.producers().get("PaymentVoided")).isEmpty();
        assertThat(catalog.consumers().get("PaymentVoided")).isEmpty();
        assertThat(catalog.pages().stream().filter(page -> page.path().equals("OrderPlaced.html")).findFirst()
                .orElseThrow().content())
                .contains("<dt>Consumers</dt><dd><code>saga order-fulfilment (subscription order-placed-to-saga)</code></dd>");
    }
}
