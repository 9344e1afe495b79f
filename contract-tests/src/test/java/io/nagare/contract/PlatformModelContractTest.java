package io.nagare.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import io.nagare.platform.model.SagaDeclaration;
import io.nagare.platform.model.SubscriptionDeclaration;
import io.nagare.platform.model.TableDeclaration;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;

/**
 * The platform model every module declares, discovered as the CDK app and {@code nagare up} discover it: valid,
 * complete for the order process (docs/order-process.md), every handler loadable, every published event typed.
 */
class PlatformModelContractTest {

    static final PlatformModel MODEL = PlatformModel.discover();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    @Test
    void discover_shouldPassTheModelValidator_whenEveryModuleIsOnTheClassPath() {
        assertThatCode(() -> ModelValidator.create().validate(MODEL)).doesNotThrowAnyException();
    }

    @Test
    void discover_shouldDeclareEveryNameOfTheOrderProcessContract_whenEveryModuleIsOnTheClassPath() {
        assertThat(names(MODEL.functions().stream().map(FunctionDeclaration::name).toList())).contains(
                "partner-events", "process-status", "accept-order", "validate-order", "confirm-order", "cancel-order",
                "reserve-inventory", "release-inventory", "restock", "authorize-payment", "capture-payment",
                "void-payment", "refund-payment", "request-shipment", "carrier-callback");
        assertThat(names(MODEL.tables().stream().map(TableDeclaration::name).toList())).contains(
                "partner-events-dedup", "partners", "orders", "inventory", "inventory-reservations", "payments",
                "payments-circuit-breakers", "shipments");
        assertThat(names(MODEL.queues().stream().map(QueueDeclaration::name).toList())).contains(
                "order-intake", "order-intake-dlq", "carrier-events", "carrier-events-dlq",
                "order-fulfilment-incidents");
        assertThat(names(MODEL.subscriptions().stream().map(SubscriptionDeclaration::name).toList())).contains(
                "order-placed-to-intake", "carrier-events-to-shipping");
        assertThat(names(MODEL.sagas().stream().map(SagaDeclaration::name).toList())).contains("order-fulfilment");
        assertThat(MODEL.sagas().stream().filter(s -> s.name().equals("order-fulfilment")).findFirst().orElseThrow()
                .type()).isEqualTo(SagaDeclaration.Type.STANDARD);
        assertThat(MODEL.buses().stream().filter(b -> b.name().equals("nagare")).findFirst())
                .as("bus nagare, archived").hasValueSatisfying(bus -> assertThat(bus.archiveRetentionDays()).isNotNull());
    }

    @Test
    void functions_shouldNameLoadableLambdaHandlers_whenDeclared() {
        List<String> problems = new ArrayList<>();
        for (FunctionDeclaration function : MODEL.functions()) {
            String handler = function.handler();
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            try {
                Class<?> type = Class.forName(className, false, getClass().getClassLoader());
                boolean handlerType = RequestHandler.class.isAssignableFrom(type)
                        || RequestStreamHandler.class.isAssignableFrom(type) || handler.contains("::");
                if (!handlerType) {
                    problems.add(function.name() + ": " + className + " implements neither RequestHandler nor "
                            + "RequestStreamHandler and names no method (Class::method)");
                }
            } catch (ClassNotFoundException e) {
                problems.add(function.name() + ": handler class " + className + " is not on the class path");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void publishedDetailTypes_shouldEachHaveASchema_whenAFunctionOrSagaDeclaresThem() {
        Set<String> missing = new TreeSet<>();
        for (FunctionDeclaration function : MODEL.functions()) {
            function.publishedDetailTypes().stream().filter(type -> REGISTRY.eventType(type).isEmpty())
                    .forEach(type -> missing.add("function " + function.name() + " publishes " + type));
        }
        for (SagaDeclaration saga : MODEL.sagas()) {
            saga.publishedDetailTypes().stream().filter(type -> REGISTRY.eventType(type).isEmpty())
                    .forEach(type -> missing.add("saga " + saga.name() + " publishes " + type));
        }
        assertThat(missing).as("published detail-types without a schema in schemas/events").isEmpty();
    }

    private static Set<String> names(List<String> names) {
        return names.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
