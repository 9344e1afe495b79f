package io.nagare.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import org.junit.jupiter.api.Test;

class OrdersDeclarationsTest {

    /** What other modules declare and the orders domain uses: the bus (platform-api) and the saga (its module). */
    static final class StandIns implements PlatformDeclarations {
        @Override
        public String owner() {
            return "platform";
        }

        @Override
        public void declare(PlatformModel.Builder model) {
            model.bus("nagare", b -> { });
            model.saga("order-fulfilment", s -> s.definition("standin/order-fulfilment.asl.json"));
        }
    }

    private final PlatformModel model = PlatformModel.of(new OrdersDeclarations(), new StandIns());

    @Test
    void declarations_shouldFormAValidModel_withTheBusAndTheSagaTheyUse() {
        assertThat(ModelValidator.create().check(model)).isEmpty();
    }

    @Test
    void declarations_shouldBeFoundOnTheClasspath() {
        assertThat(PlatformModel.discover().owners()).contains("orders");
    }

    @Test
    void declarations_shouldNameWhatTheContractNames() {
        assertThat(model.functions()).filteredOn(f -> f.owner().equals("orders")).extracting(FunctionDeclaration::name)
                .containsExactly("accept-order", "cancel-order", "confirm-order", "validate-order");
        assertThat(model.queue("order-intake").orElseThrow().deadLetterQueue()).isEqualTo("order-intake-dlq");
        assertThat(model.subscription("order-placed-to-intake").orElseThrow().target())
                .isEqualTo(Reference.queue("order-intake"));
        assertThat(model.consumersOf("OrderPlaced")).extracting(s -> s.name()).contains("order-placed-to-intake");
        assertThat(model.functionsConsuming("order-intake")).extracting(FunctionDeclaration::name)
                .containsExactly("accept-order");
        assertThat(model.producersOf("OrderConfirmed")).containsExactly(Reference.function("confirm-order"));
        assertThat(model.producersOf("OrderCancelled")).containsExactly(Reference.function("cancel-order"));
    }

    @Test
    void acceptOrder_shouldGetTheVariablesItsWiringReads() {
        assertThat(model.function("accept-order").orElseThrow().resourceVariables())
                .containsOnlyKeys("NAGARE_TABLE_ORDERS", "NAGARE_SAGA_ORDER_FULFILMENT");
        assertThat(model.function("confirm-order").orElseThrow().resourceVariables())
                .containsOnlyKeys("NAGARE_TABLE_ORDERS", "NAGARE_TABLE_ORDERS_IDEMPOTENCY", "NAGARE_BUS_NAGARE");
    }

    @Test
    void handlers_shouldBuild_fromExactlyTheVariablesTheModelGivesThem() throws Exception {
        for (FunctionDeclaration function : model.functions()) {
            Map<String, String> variables = new HashMap<>(Map.of("AWS_REGION", "ap-northeast-1",
                    "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_LAMBDA_FUNCTION_NAME", function.name()));
            function.resourceVariables().forEach((variable, resource) -> variables.put(variable, resource.name()));
            try (FunctionEnvironment.Scope scope = FunctionEnvironment.of(variables).bind()) {
                assertThat(Class.forName(function.handler()).getConstructor().newInstance())
                        .as(function.name()).isNotNull();
            }
        }
    }
}
