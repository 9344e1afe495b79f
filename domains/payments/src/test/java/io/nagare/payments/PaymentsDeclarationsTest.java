package io.nagare.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import org.junit.jupiter.api.Test;

class PaymentsDeclarationsTest {

    /** The platform's bus, declared by platform-api in the real model. */
    static final class PlatformStandIn implements PlatformDeclarations {
        @Override
        public String owner() {
            return "platform";
        }

        @Override
        public void declare(PlatformModel.Builder model) {
            model.bus("nagare", b -> b.archiveRetentionDays(30));
        }
    }

    @Test
    void declare_shouldGiveAValidModel_whenTheBusIsDeclared() {
        PlatformModel model = ModelValidator.create().validate(PlatformModel.of(new PaymentsDeclarations(),
                new PlatformStandIn()));

        assertThat(model.functions()).extracting(FunctionDeclaration::name)
                .containsExactly("authorize-payment", "capture-payment", "refund-payment", "void-payment");
        FunctionDeclaration authorize = model.function("authorize-payment").orElseThrow();
        assertThat(authorize.handler()).isEqualTo(AuthorizePaymentHandler.class.getName());
        assertThat(authorize.publishedDetailTypes()).containsExactlyInAnyOrder("PaymentAuthorized", "PaymentDeclined");
        assertThat(authorize.resourceVariables()).containsKeys("NAGARE_TABLE_PAYMENTS",
                "NAGARE_TABLE_PAYMENTS_IDEMPOTENCY", "NAGARE_TABLE_PAYMENTS_CIRCUIT_BREAKERS", "NAGARE_BUS_NAGARE");
        assertThat(authorize.environment()).containsEntry("PAYMENT_GATEWAY_URL",
                "http://localhost:8090/payment-gateway");
        assertThat(model.tablesUsedBy("refund-payment")).hasSize(3);
        assertThat(model.producersOf("PaymentRefunded")).singleElement().asString().contains("refund-payment");
        assertThat(model.table("payments").orElseThrow().partitionKey().name()).isEqualTo("orderId");
        assertThat(model.table("payments-idempotency").orElseThrow().ttlAttribute()).isEqualTo("expiresAt");
    }

    @Test
    void services_shouldListTheDeclarations_whenTheModelIsDiscovered() {
        assertThat(PlatformModel.discover().owners()).contains("payments");
    }
}
