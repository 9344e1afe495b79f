package io.nagare.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.nagare.platform.model.FunctionDeclaration.SagaAccess;
import io.nagare.platform.model.TableDeclaration.AttributeType;
import io.nagare.platform.model.TableDeclaration.Billing;
import io.nagare.platform.model.TableDeclaration.Projection;
import org.junit.jupiter.api.Test;

class PlatformModelTest {

    private static final PlatformModel MODEL = PlatformModel.of(new PlatformTestDeclarations(),
            new OrdersTestDeclarations());

    @Test
    void discover_shouldFindEveryContributionListedAsService_whenOnTheClasspath() {
        PlatformModel discovered = PlatformModel.discover(getClass().getClassLoader());

        assertThat(discovered.owners()).containsExactly("orders", "platform");
        assertThat(discovered.functions()).extracting(FunctionDeclaration::name)
                .containsExactly("carrier-callback", "partner-events-api", "validate-order");
        assertThat(discovered.buses()).extracting(EventBusDeclaration::name).containsExactly("nagare");
        assertThat(discovered.queues()).extracting(QueueDeclaration::name)
                .containsExactly("orders-dlq", "platform-dlq", "shipment-requests");
        assertThat(discovered.routes()).extracting(ApiRouteDeclaration::key).containsExactly("POST /v1/events");
    }

    @Test
    void discover_shouldGiveAModelTheValidatorAccepts_whenContributionsAreConsistent() {
        PlatformModel discovered = PlatformModel.discover(getClass().getClassLoader());

        assertThat(ModelValidator.create().check(discovered)).isEmpty();
    }

    @Test
    void declare_shouldMakeTheContributionOwnItsDeclarations_whenTheyNameNoOwner() {
        assertThat(MODEL.bus("nagare")).get().extracting(EventBusDeclaration::owner).isEqualTo("platform");
        assertThat(MODEL.function("validate-order")).get().extracting(FunctionDeclaration::owner).isEqualTo("orders");
        assertThat(MODEL.queue("platform-dlq")).get().extracting(QueueDeclaration::owner).isEqualTo("platform");
    }

    @Test
    void builders_shouldApplyTheDocumentedDefaults_whenFieldsAreNotSet() {
        PlatformModel model = PlatformModel.builder().owner("orders")
                .function("f", f -> f.handler("a.B").consumes("q"))
                .queue("q", q -> q.deadLetterQueue("dlq"))
                .queue("dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                .subscription("s", s -> s.bus("b").pattern("{}").target(Reference.function("f")))
                .saga("g", g -> g.definition("model/minimal.asl.json"))
                .table("t", t -> t.partitionKey("id", AttributeType.S).globalIndex("by-x",
                        TableDeclaration.Key.of("x", AttributeType.N), null))
                .bus("b", b -> { })
                .route("GET", "/v1/processes", r -> r.target(Reference.function("f")))
                .build();

        FunctionDeclaration function = model.function("f").orElseThrow();
        assertThat(function.memoryMb()).isEqualTo(512);
        assertThat(function.timeoutSeconds()).isEqualTo(30);
        assertThat(function.asyncRetryAttempts()).isEqualTo(2);
        assertThat(function.reservedConcurrency()).isNull();
        assertThat(function.queueSources()).containsExactly(new FunctionDeclaration.QueueSource("q", 10, 0, true));
        QueueDeclaration queue = model.queue("q").orElseThrow();
        assertThat(queue.fifo()).isFalse();
        assertThat(queue.visibilityTimeoutSeconds()).isEqualTo(30);
        assertThat(queue.retentionSeconds()).isEqualTo(345_600);
        assertThat(queue.maxReceiveCount()).isEqualTo(5);
        assertThat(model.queue("dlq").orElseThrow().retentionSeconds()).isEqualTo(1_209_600);
        assertThat(model.subscription("s").orElseThrow().retryPolicy())
                .isEqualTo(new SubscriptionDeclaration.RetryPolicy(185, 86_400));
        assertThat(model.saga("g").orElseThrow().type()).isEqualTo(SagaDeclaration.Type.STANDARD);
        TableDeclaration table = model.table("t").orElseThrow();
        assertThat(table.billing()).isEqualTo(Billing.onDemand());
        assertThat(table.globalIndexes().get(0).projection()).isEqualTo(Projection.all());
        assertThat(table.stream()).isNull();
        assertThat(model.bus("b").orElseThrow().archiveRetentionDays()).isNull();
        ApiRouteDeclaration route = model.routes().get(0);
        assertThat(route.publicRoute()).isFalse();
        assertThat(route.scopes()).isEmpty();
    }

    @Test
    void function_shouldFailNamingDeclarationAndField_whenARequiredFieldIsMissing() {
        PlatformDeclarations broken = new PlatformDeclarations() {
            @Override
            public String owner() {
                return "payments";
            }

            @Override
            public void declare(PlatformModel.Builder model) {
                model.function("authorize-payment", f -> f.memoryMb(1024));
            }
        };

        assertThatThrownBy(() -> PlatformModel.of(broken))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("function 'authorize-payment': handler is required (declared by")
                .hasMessageContaining(PlatformModelTest.class.getName());
    }

    @Test
    void declare_shouldNameTheContribution_whenItFailsOutsideADeclarationBuilder() {
        PlatformDeclarations broken = new PlatformDeclarations() {
            @Override
            public String owner() {
                return "orders";
            }

            @Override
            public void declare(PlatformModel.Builder model) {
                model.route("GET", "/v1/orders", route -> route.target(Reference.function(" ")));
            }
        };

        assertThatThrownBy(() -> PlatformModel.of(broken))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("declarations '" + broken.getClass().getName() + "': declare failed: a"
                        + " reference to a function needs a name");
    }

    @Test
    void builder_shouldFailNamingTheField_whenADeclarationHasNoOwner() {
        assertThatThrownBy(() -> PlatformModel.builder().table("orders", t -> t.partitionKey("id", AttributeType.S)))
                .isInstanceOf(ModelException.class)
                .hasMessage("table 'orders': owner is required");
    }

    @Test
    void producersOf_shouldListFunctionsAndSagasDeclaringTheDetailType_whenTheyPublishIt() {
        assertThat(MODEL.producersOf("OrderPlaced")).containsExactly(Reference.function("partner-events-api"));
        assertThat(MODEL.producersOf("OrderConfirmed")).containsExactly(Reference.saga("order-fulfilment"));
        assertThat(MODEL.producersOf("PaymentCaptured")).isEmpty();
    }

    @Test
    void consumersOf_shouldListSubscriptionsWhosePatternNamesTheDetailType_whenTheyMatchIt() {
        assertThat(MODEL.consumersOf("OrderPlaced")).extracting(SubscriptionDeclaration::name)
                .containsExactly("order-placed-to-saga");
        assertThat(MODEL.consumersOf("OrderCancelled")).isEmpty();
    }

    @Test
    void detailTypes_shouldReadExactNamesAlsoInOrBranches_whenThePatternUsesOperatorsToo() {
        SubscriptionDeclaration subscription = SubscriptionDeclaration.builder("s").owner("o").bus("b")
                .target(Reference.function("f"))
                .pattern("{\"$or\": [{\"detail-type\": [\"PaymentDeclined\", {\"prefix\": \"Payment\"}]},"
                        + " {\"detail-type\": [\"PaymentVoided\"]}]}")
                .build();

        assertThat(subscription.detailTypes()).containsExactly("PaymentDeclined", "PaymentVoided");
    }

    @Test
    void subscriptionsTargeting_shouldFindTheSubscriptionsOfATarget_whenAskedByReference() {
        assertThat(MODEL.subscriptionsTargeting(Reference.saga("order-fulfilment")))
                .extracting(SubscriptionDeclaration::name).containsExactly("order-placed-to-saga");
        assertThat(MODEL.subscriptionsOn("nagare")).hasSize(2);
    }

    @Test
    void usageQueries_shouldResolveWhatUsesWhat_whenFunctionsAndSagasDeclareTheirUse() {
        assertThat(MODEL.tablesUsedBy("validate-order")).extracting(TableDeclaration::name).containsExactly("orders");
        assertThat(MODEL.usersOf(Reference.table("orders")))
                .containsExactly(Reference.function("validate-order"), Reference.saga("order-fulfilment"));
        assertThat(MODEL.usersOf(Reference.queue("shipment-requests")))
                .containsExactly(Reference.function("carrier-callback"), Reference.saga("order-fulfilment"));
        assertThat(MODEL.functionsConsuming("shipment-requests")).extracting(FunctionDeclaration::name)
                .containsExactly("carrier-callback");
        assertThat(MODEL.deadLetterQueues()).extracting(QueueDeclaration::name)
                .containsExactly("orders-dlq", "platform-dlq");
        assertThat(MODEL.saga("order-fulfilment").orElseThrow().tables()).isEqualTo(Map.of("orders",
                TableAccess.READ_WRITE));
    }

    @Test
    void resourceVariables_shouldNameEachUsedResourceByKindAndName_whenAFunctionUsesResources() {
        FunctionDeclaration function = FunctionDeclaration.builder("f").owner("o").handler("a.B")
                .reads("orders").writes("orders").publishes("nagare", "OrderConfirmed").sendsTo("payments.fifo")
                .saga("order-fulfilment", SagaAccess.START, SagaAccess.READ).build();

        assertThat(function.tables()).isEqualTo(Map.of("orders", TableAccess.READ_WRITE));
        assertThat(function.resourceVariables()).isEqualTo(Map.of(
                "NAGARE_TABLE_ORDERS", Reference.table("orders"),
                "NAGARE_BUS_NAGARE", Reference.bus("nagare"),
                "NAGARE_QUEUE_PAYMENTS_FIFO", Reference.queue("payments.fifo"),
                "NAGARE_SAGA_ORDER_FULFILMENT", Reference.saga("order-fulfilment")));
    }

    @Test
    void toBuilder_shouldGiveAnEqualDeclaration_whenNothingChanges() {
        for (FunctionDeclaration function : MODEL.functions()) {
            assertThat(function.toBuilder().build()).isEqualTo(function);
        }
        for (SagaDeclaration saga : MODEL.sagas()) {
            assertThat(saga.toBuilder().build()).isEqualTo(saga);
        }
        for (TableDeclaration table : MODEL.tables()) {
            assertThat(table.toBuilder().build()).isEqualTo(table);
        }
        for (QueueDeclaration queue : MODEL.queues()) {
            assertThat(queue.toBuilder().build()).isEqualTo(queue);
        }
        for (SubscriptionDeclaration subscription : MODEL.subscriptions()) {
            assertThat(subscription.toBuilder().build()).isEqualTo(subscription);
        }
        assertThat(MODEL.routes().get(0).toBuilder().build()).isEqualTo(MODEL.routes().get(0));
    }

    @Test
    void declarations_shouldBeUnmodifiable_whenACallerTriesToChangeThem() {
        FunctionDeclaration function = MODEL.function("validate-order").orElseThrow();

        assertThatThrownBy(() -> function.tables().put("payments", TableAccess.WRITE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> MODEL.functions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
