package io.nagare.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration;
import org.junit.jupiter.api.Test;

class InventoryDeclarationsTest {

    /** What another module declares and the inventory uses: the bus (platform-api). */
    static final class StandIns implements PlatformDeclarations {
        @Override
        public String owner() {
            return "platform";
        }

        @Override
        public void declare(PlatformModel.Builder model) {
            model.bus("nagare", b -> { });
        }
    }

    private final PlatformModel model = PlatformModel.of(new InventoryDeclarations(), new StandIns());

    @Test
    void declarations_shouldFormAValidModel_withTheBusTheyUse() {
        assertThat(ModelValidator.create().check(model)).isEmpty();
    }

    @Test
    void declarations_shouldBeFoundOnTheClasspath() {
        assertThat(PlatformModel.discover().owners()).contains("inventory");
    }

    @Test
    void declarations_shouldNameWhatTheContractNames() {
        assertThat(model.functions()).extracting(FunctionDeclaration::name)
                .containsExactly("release-inventory", "reserve-inventory", "restock");
        assertThat(model.tables()).extracting(TableDeclaration::name)
                .containsExactly("inventory", "inventory-idempotency", "inventory-reservations");
        assertThat(model.table("inventory").orElseThrow().partitionKey().name()).isEqualTo("sku");
        assertThat(model.table("inventory-reservations").orElseThrow().partitionKey().name()).isEqualTo("orderId");
        assertThat(model.table("inventory-reservations").orElseThrow().ttlAttribute()).isEqualTo("expiresAt");
        assertThat(model.producersOf("InventoryReserved")).containsExactly(Reference.function("reserve-inventory"));
        assertThat(model.producersOf("InventoryReservationFailed"))
                .containsExactly(Reference.function("reserve-inventory"));
        assertThat(model.producersOf("InventoryReleased")).containsExactly(Reference.function("release-inventory"));
    }

    @Test
    void functions_shouldGetTheVariablesTheirWiringReads() {
        assertThat(model.function("reserve-inventory").orElseThrow().resourceVariables()).containsOnlyKeys(
                "NAGARE_TABLE_INVENTORY", "NAGARE_TABLE_INVENTORY_RESERVATIONS", "NAGARE_TABLE_INVENTORY_IDEMPOTENCY",
                "NAGARE_BUS_NAGARE");
        assertThat(model.function("restock").orElseThrow().resourceVariables())
                .containsOnlyKeys("NAGARE_TABLE_INVENTORY", "NAGARE_TABLE_INVENTORY_RESERVATIONS");
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
