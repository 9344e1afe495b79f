package io.nagare.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.nagare.platform.model.FunctionDeclaration.QueueSource;
import io.nagare.platform.model.TableDeclaration.AttributeType;
import io.nagare.platform.model.TableDeclaration.Billing;
import io.nagare.platform.model.TableDeclaration.Key;
import io.nagare.platform.model.TableDeclaration.Projection;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each rule on its own: a valid model (the two test contributions) plus one small declaration that breaks it, and
 * the exact problems it must produce.
 */
class ModelValidatorTest {

    private static final ModelValidator VALIDATOR = ModelValidator.create(SchemaRegistry.fromClasspath());
    private static final String ORDER_PLACED = "{\"detail-type\": [\"OrderPlaced\"]}";

    @Test
    void check_shouldFindNothing_whenTheModelIsValid() {
        assertThat(problems(base())).isEmpty();
    }

    @Test
    void validate_shouldThrowListingEveryProblem_whenTheModelHasSeveral() {
        PlatformModel model = base()
                .function("f", f -> f.handler("a.B").memoryMb(64).timeoutSeconds(901))
                .build();

        assertThatThrownBy(() -> VALIDATOR.validate(model))
                .isInstanceOf(ModelException.class)
                .hasMessage("2 problems in the platform model:\n"
                        + "  - function 'f': memoryMb must be 128-10240; got 64\n"
                        + "  - function 'f': timeoutSeconds must be 1-900; got 901")
                .extracting(e -> ((ModelException) e).problems().get(0))
                .isEqualTo(new ModelProblem("function", "f", "memoryMb", "must be 128-10240; got 64"));
    }

    @Test
    void validate_shouldReturnTheModel_whenItIsValid() {
        PlatformModel model = base().build();

        assertThat(VALIDATOR.validate(model)).isSameAs(model);
    }

    @Nested
    class Names {

        @Test
        void check_shouldReportBothOwners_whenTwoDomainsDeclareTheSameFunction() {
            PlatformModel.Builder model = base().owner("payments")
                    .function("validate-order", f -> f.handler("io.nagare.payments.Other").deadLetterQueue("orders-dlq"));

            assertThat(problems(model)).containsExactly("function 'validate-order': name is declared 2 times (owners:"
                    + " orders, payments); a function name must be unique");
        }

        @Test
        void check_shouldReportTheAwsNameRule_whenNamesBreakIt() {
            String tooLong = "f".repeat(65);
            PlatformModel.Builder model = base()
                    .function(tooLong, f -> f.handler("a.B"))
                    .table("t", t -> t.partitionKey("id", AttributeType.S))
                    .queue("payments", q -> q.fifo().deadLetterQueue("payments-dlq.fifo"))
                    .queue("payments-dlq.fifo", q -> q.fifo().asDeadLetterQueue())
                    .saga("order fulfilment", s -> s.definition("model/minimal.asl.json"))
                    .bus("aws.partner", b -> { });

            assertThat(problems(model)).containsExactly(
                    "function '" + tooLong + "': name must be 1-64 letters, digits, '-' or '_' (Lambda); got '" + tooLong
                            + "' (65 characters)",
                    "saga 'order fulfilment': name must be 1-80 letters, digits, '-' or '_' (Step Functions state"
                            + " machine that logs to CloudWatch); got 'order fulfilment' (16 characters)",
                    "table 't': name must be 3-255 letters, digits, '_', '-' or '.' (DynamoDB); got 't' (1 character)",
                    "queue 'payments': name must be 1-75 letters, digits, '-' or '_' followed by '.fifo', 80"
                            + " characters in all (SQS FIFO queue); got 'payments' (8 characters)",
                    "bus 'aws.partner': name must not start with 'aws.', which EventBridge reserves for AWS partner"
                            + " buses");
        }

        @Test
        void check_shouldReportConflictingAndMalformedRoutes_whenPathsClash() {
            PlatformModel.Builder model = base()
                    .route("GET", "/v1/processes/{orderId}", r -> r.target(Reference.function("validate-order")))
                    .route("GET", "/v1/processes/{id}", r -> r.target(Reference.function("validate-order")))
                    .route("FETCH", "v1/status/", r -> r.target(Reference.function("validate-order")));

            assertThat(problems(model)).containsExactly(
                    "route 'GET /v1/processes/{orderId}': path conflicts with route 'GET /v1/processes/{id}': API"
                            + " Gateway cannot tell paths apart that differ only in parameter names",
                    "route 'FETCH v1/status/': method must be one of [GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS,"
                            + " ANY]; got 'FETCH'",
                    "route 'FETCH v1/status/': path must start with '/' and be segments of letters, digits and URL"
                            + " characters or '{parameter}', with an optional last '{proxy+}'; got 'v1/status/'");
        }
    }

    @Nested
    class References {

        @Test
        void check_shouldListDeclaredSagas_whenASubscriptionTargetsAnUndeclaredSaga() {
            PlatformModel.Builder model = base().subscription("order-placed-to-refund", s -> s.bus("nagare")
                    .pattern(ORDER_PLACED).target(Reference.saga("refund")).deadLetterQueue("orders-dlq"));

            assertThat(problems(model)).containsExactly("subscription 'order-placed-to-refund': target saga 'refund'"
                    + " is not declared; declared sagas: [order-fulfilment]");
        }

        @Test
        void check_shouldRefuseATableTarget_whenASubscriptionTargetsATable() {
            PlatformModel.Builder model = base().subscription("s", s -> s.bus("nagare").pattern(ORDER_PLACED)
                    .target(Reference.table("orders")).deadLetterQueue("orders-dlq"));

            assertThat(problems(model)).containsExactly("subscription 's': target must be a function, saga, queue or"
                    + " bus; got table 'orders'");
        }

        @Test
        void check_shouldNameEachUnresolvedField_whenAFunctionUsesUndeclaredResources() {
            PlatformModel.Builder model = base().function("f", f -> f.handler("a.B").reads("payments")
                    .publishes("orders-bus", "OrderConfirmed").sendsTo("emails").starts("refund"));

            assertThat(problems(model)).containsExactly(
                    "function 'f': tables table 'payments' is not declared; declared tables: [orders]",
                    "function 'f': publishes bus 'orders-bus' is not declared; declared buses: [nagare]",
                    "function 'f': sendsTo queue 'emails' is not declared; declared queues: [orders-dlq, platform-dlq,"
                            + " shipment-requests]",
                    "function 'f': sagas saga 'refund' is not declared; declared sagas: [order-fulfilment]");
        }

        @Test
        void check_shouldNameThePlaceholder_whenASagaSubstitutionNamesNothing() {
            PlatformModel.Builder model = base().saga("refund", s -> s.definition("model/order-fulfilment.asl.json")
                    .function("ValidateOrderFunction", "validate-payment")
                    .table("OrdersTable", "orders", TableAccess.READ)
                    .queue("ShipmentRequestsQueue", "shipment-requests")
                    .bus("EventBus", "nagare"));

            assertThat(problems(model)).containsExactly("saga 'refund': substitution 'ValidateOrderFunction': function"
                    + " 'validate-payment' is not declared; declared functions: [carrier-callback,"
                    + " partner-events-api, validate-order]");
        }

        @Test
        void check_shouldReportUndeclaredQueuesAndRouteTargets_whenTheyNameNothing() {
            PlatformModel.Builder model = base()
                    .queue("emails", q -> q.deadLetterQueue("emails-dlq"))
                    .route("GET", "/v1/orders/{orderId}", r -> r.target(Reference.function("get-order")));

            assertThat(problems(model)).containsExactly(
                    "queue 'emails': deadLetterQueue queue 'emails-dlq' is not declared; declared queues: [emails,"
                            + " orders-dlq, platform-dlq, shipment-requests]",
                    "route 'GET /v1/orders/{orderId}': target function 'get-order' is not declared; declared"
                            + " functions: [carrier-callback, partner-events-api, validate-order]");
        }
    }

    @Nested
    class DeadLetterQueues {

        @Test
        void check_shouldRequireADeadLetterQueue_whenASubscriptionDeliversToAFunctionSagaOrQueue() {
            PlatformModel.Builder model = base()
                    .subscription("to-queue", s -> s.bus("nagare").pattern(ORDER_PLACED)
                            .target(Reference.queue("shipment-requests")))
                    .subscription("to-bus", s -> s.bus("nagare").pattern(ORDER_PLACED).target(Reference.bus("nagare")));

            assertThat(problems(model)).containsExactly("subscription 'to-queue': deadLetterQueue is required:"
                    + " EventBridge delivers to queue 'shipment-requests' asynchronously and drops an event it still"
                    + " cannot deliver when the retry policy ends; name a queue declared asDeadLetterQueue()");
        }

        @Test
        void check_shouldRequireTheFunctionsOwnDeadLetterQueue_whenASubscriptionInvokesIt() {
            PlatformModel.Builder model = base()
                    .function("notify", f -> f.handler("a.Notify"))
                    .subscription("order-placed-to-notify", s -> s.bus("nagare").pattern(ORDER_PLACED)
                            .target(Reference.function("notify")).deadLetterQueue("orders-dlq"));

            assertThat(problems(model)).containsExactly("function 'notify': deadLetterQueue is required: subscription"
                    + " 'order-placed-to-notify' invokes it asynchronously, and Lambda drops an invocation that still"
                    + " fails after asyncRetryAttempts (2); the subscription's own dead-letter queue only receives"
                    + " events Lambda did not accept");
        }

        @Test
        void check_shouldRequireEveryQueueToHaveOrBeADeadLetterQueue_whenAQueueHasNeither() {
            PlatformModel.Builder model = base().queue("emails", q -> q.visibilityTimeoutSeconds(60));

            assertThat(problems(model)).containsExactly("queue 'emails': deadLetterQueue is required, or declare the"
                    + " queue asDeadLetterQueue(): every queue moves a message that keeps failing to a dead-letter"
                    + " queue after maxReceiveCount receives, or is one");
        }

        @Test
        void check_shouldRefuseAWorkQueueAsDeadLetterQueue_whenItIsNotDeclaredAsOne() {
            PlatformModel.Builder model = base().subscription("s", s -> s.bus("nagare").pattern(ORDER_PLACED)
                    .target(Reference.saga("order-fulfilment")).deadLetterQueue("shipment-requests"));

            assertThat(problems(model)).containsExactly("subscription 's': deadLetterQueue queue 'shipment-requests'"
                    + " is not declared asDeadLetterQueue(); declare it so, and the platform keeps and watches it as"
                    + " one");
        }

        @Test
        void check_shouldRefuseFifoDeadLetterQueues_whereEventBridgeAndLambdaTakeStandardOnly() {
            PlatformModel.Builder model = base()
                    .queue("failures.fifo", q -> q.fifo().asDeadLetterQueue())
                    .function("notify", f -> f.handler("a.Notify").deadLetterQueue("failures.fifo"))
                    .subscription("s", s -> s.bus("nagare").pattern(ORDER_PLACED).target(Reference.function("notify"))
                            .deadLetterQueue("failures.fifo"));

            assertThat(problems(model)).containsExactly(
                    "subscription 's': deadLetterQueue queue 'failures.fifo' is FIFO; EventBridge dead-letter queues"
                            + " are standard queues (\"SQS FIFO is not supported by Dead Letter Queues\")",
                    "function 'notify': deadLetterQueue queue 'failures.fifo' is FIFO; Lambda sends failed"
                            + " asynchronous invocations to standard queues only");
        }

        @Test
        void check_shouldRequireMatchingQueueTypes_whenAFifoQueueRedrivesToAStandardOne() {
            PlatformModel.Builder model = base().queue("payments.fifo", q -> q.fifo().deadLetterQueue("orders-dlq"));

            assertThat(problems(model)).containsExactly("queue 'payments.fifo': deadLetterQueue queue 'orders-dlq' is"
                    + " standard; SQS needs the dead-letter queue of a FIFO queue to be FIFO too");
        }

        @Test
        void check_shouldRequireARedrive_whenAFunctionConsumesADeadLetterQueueWithoutOne() {
            PlatformModel.Builder model = base().function("redrive", f -> f.handler("a.Redrive").consumes("orders-dlq"));

            assertThat(problems(model)).containsExactly("function 'redrive': consumes dead-letter queue 'orders-dlq',"
                    + " which has no dead-letter queue of its own: a message the function keeps failing on would come"
                    + " back until its retention ends; give queue 'orders-dlq' a deadLetterQueue(...)");
        }
    }

    @Nested
    class Patterns {

        @Test
        void check_shouldGiveEventRulersError_whenAPatternDoesNotCompile() {
            PlatformModel.Builder model = subscriptionWithPattern("{\"detail-type\": \"OrderPlaced\"}");

            assertThat(problems(model)).singleElement().asString()
                    .startsWith("subscription 's': pattern does not compile: ");
        }

        @Test
        void check_shouldListKnownDetailTypes_whenAPatternNamesAnUnknownOne() {
            PlatformModel.Builder model = subscriptionWithPattern("{\"detail-type\": [\"OrderPlacd\"]}");

            assertThat(problems(model)).containsExactly("subscription 's': pattern names detail-type 'OrderPlacd',"
                    + " which the schema registry does not know; known detail-types: [InventoryReleased,"
                    + " InventoryReservationFailed, InventoryReserved, OrderCancelled, OrderConfirmed, OrderPlaced,"
                    + " PaymentAuthorized, PaymentCaptured, PaymentDeclined, PaymentRefunded, PaymentVoided,"
                    + " ShipmentDelivered, ShipmentDispatched, ShipmentFailed, ShipmentRequested, ShipmentStatusUpdated]");
        }

        @Test
        void check_shouldReportTheSource_whenAPatternMatchesNoValidExample() {
            PlatformModel.Builder model = subscriptionWithPattern(
                    "{\"source\": [\"nagare.orders\"], \"detail-type\": [\"OrderPlaced\"]}");

            assertThat(problems(model)).containsExactly("subscription 's': pattern matches none of the 7 valid"
                    + " examples of OrderPlaced (source 'nagare.partner.storefront') as EventBridge delivers them;"
                    + " check its source, detail-type and detail conditions against schemas/events/OrderPlaced");
        }

        @Test
        void check_shouldMatchDetailConditions_whenOneExampleSatisfiesThem() {
            PlatformModel.Builder matching = subscriptionWithPattern(
                    "{\"detail-type\": [\"OrderPlaced\"], \"detail\": {\"currency\": [\"JPY\"]}}");
            PlatformModel.Builder nowhere = subscriptionWithPattern(
                    "{\"detail-type\": [\"OrderPlaced\"], \"detail\": {\"currency\": [\"XAU\"]}}");

            assertThat(problems(matching)).isEmpty();
            assertThat(problems(nowhere)).singleElement().asString()
                    .startsWith("subscription 's': pattern matches none of the 7 valid examples of OrderPlaced");
        }

        @Test
        void check_shouldSeeTheEventAsTheEnvelopeCarriesIt_whenAPatternMatchesCloudEventsAttributes() {
            PlatformModel.Builder model = subscriptionWithPattern("{\"detail-type\": [\"OrderPlaced\"], \"detail\":"
                    + " {\"_cloudevents\": {\"dataschema\": [{\"suffix\": \"/OrderPlaced/v2\"}]}}}");

            assertThat(problems(model)).isEmpty();
        }

        @Test
        void check_shouldNotAskTheRegistry_whenThePatternTakesOnlyAwsServiceEvents() {
            PlatformModel.Builder model = subscriptionWithPattern("{\"source\": [\"aws.states\"],"
                    + " \"detail-type\": [\"Step Functions Execution Status Change\"]}");

            assertThat(problems(model)).isEmpty();
        }

        @Test
        void check_shouldListKnownDetailTypes_whenAFunctionPublishesAnUnknownOne() {
            PlatformModel.Builder model = base().function("f", f -> f.handler("a.B")
                    .publishes("nagare", "OrderShipped"));

            assertThat(problems(model)).singleElement().asString().startsWith("function 'f': publishes detail-type"
                    + " 'OrderShipped' on bus 'nagare', which the schema registry does not know; known detail-types:"
                    + " [InventoryReleased,");
        }

        private PlatformModel.Builder subscriptionWithPattern(String pattern) {
            return base().subscription("s", s -> s.bus("nagare").pattern(pattern)
                    .target(Reference.saga("order-fulfilment")).deadLetterQueue("orders-dlq"));
        }
    }

    @Nested
    class Limits {

        @Test
        void check_shouldReportAwsRanges_whenFunctionQueueAndRetryValuesAreOutside() {
            PlatformModel.Builder model = base()
                    .function("f", f -> f.handler("a.B").memoryMb(10_241).timeoutSeconds(0).asyncRetryAttempts(3)
                            .reservedConcurrency(-1))
                    .queue("q", q -> q.visibilityTimeoutSeconds(43_201).retentionSeconds(59).deadLetterQueue("orders-dlq")
                            .maxReceiveCount(0))
                    .subscription("s", s -> s.bus("nagare").pattern(ORDER_PLACED).target(Reference.bus("nagare"))
                            .retryPolicy(186, 59));

            assertThat(problems(model)).containsExactly(
                    "function 'f': memoryMb must be 128-10240; got 10241",
                    "function 'f': timeoutSeconds must be 1-900; got 0",
                    "function 'f': asyncRetryAttempts must be 0-2; got 3",
                    "function 'f': reservedConcurrency must be 0 or more (0 stops the function); got -1",
                    "subscription 's': retryPolicy maximumRetryAttempts must be 0-185; got 186",
                    "subscription 's': retryPolicy maximumEventAgeSeconds must be 60-86400; got 59",
                    "queue 'q': visibilityTimeoutSeconds must be 0-43200; got 43201",
                    "queue 'q': retentionSeconds must be 60-1209600; got 59",
                    "queue 'q': maxReceiveCount must be 1-1000; got 0");
        }

        @Test
        void check_shouldReportStreamSourceProblems_whenTheTableHasNoStreamOrTheRangesAreLambdasOutside() {
            PlatformModel.Builder model = base()
                    .table("ledger", t -> t.partitionKey("id", TableDeclaration.AttributeType.S))
                    .function("f", f -> f.handler("a.B")
                            .consumesStream(FunctionDeclaration.StreamSource.of("ledger").withBatchSize(10_001)
                                    .withMaximumRetryAttempts(-2).withOnFailureQueue("missing-dlq"))
                            .consumesStream(FunctionDeclaration.StreamSource.of("nowhere")));

            assertThat(problems(model)).containsExactly(
                    "function 'f': consumesStream reads the stream of table 'ledger', which declares no stream; give"
                            + " the table a stream view type (e.g. NEW_AND_OLD_IMAGES)",
                    "function 'f': consumesStream onFailureQueue queue 'missing-dlq' is not declared; declared queues:"
                            + " [orders-dlq, platform-dlq, shipment-requests]",
                    "function 'f': consumesStream table 'nowhere' is not declared; declared tables: [ledger, orders]",
                    "function 'f': consumesStream 'ledger': batchSize must be 1-10000; got 10001",
                    "function 'f': consumesStream 'ledger': maximumRetryAttempts (-1: until the record expires) must be"
                            + " -1-10000; got -2");
        }

        @Test
        void check_shouldReportHandlerAndEnvironmentProblems_whenTheyBreakLambdaRules() {
            PlatformModel.Builder model = base().function("f", f -> f.handler("io.nagare.Handler::")
                    .environment("AWS_REGION", "us-east-1")
                    .environment("1ST", "x")
                    .environment("NAGARE_TABLE_ORDERS", "orders")
                    .environment("BIG", "x".repeat(4100)));

            assertThat(problems(model)).containsExactly(
                    "function 'f': handler must be a Java class name, optionally '::method' (e.g."
                            + " io.nagare.orders.ValidateOrderHandler); got 'io.nagare.Handler::'",
                    "function 'f': environment variable '1ST' must start with a letter and hold only letters, digits"
                            + " and '_'",
                    "function 'f': environment variable 'AWS_REGION' is set by Lambda itself",
                    "function 'f': environment variable 'NAGARE_TABLE_ORDERS' is reserved: the platform sets"
                            + " NAGARE_<KIND>_<NAME> for each resource the function declares it uses",
                    "function 'f': environment takes 4151 bytes; Lambda allows 4096 for all variables of a function");
        }

        @Test
        void check_shouldReportAVariableClash_whenTwoResourcesMapToOneVariable() {
            PlatformModel.Builder model = base()
                    .table("order_events", t -> t.partitionKey("id", AttributeType.S))
                    .table("order-events", t -> t.partitionKey("id", AttributeType.S))
                    .function("f", f -> f.handler("a.B").reads("order_events", "order-events"));

            assertThat(problems(model)).containsExactly("function 'f': environment table 'order-events' and table"
                    + " 'order_events' would both be handed over as NAGARE_TABLE_ORDER_EVENTS; rename one");
        }

        @Test
        void check_shouldReportEventSourceLimits_whenBatchesAndVisibilityDoNotFitLambda() {
            PlatformModel.Builder model = base().function("f", f -> f.handler("a.B").timeoutSeconds(300)
                    .consumes(QueueSource.of("shipment-requests").withBatchSize(100)));

            assertThat(problems(model)).containsExactly(
                    "function 'f': consumes 'shipment-requests': maxBatchingWindowSeconds must be at least 1 for"
                            + " batches above 10 messages (batchSize 100), as Lambda requires",
                    "function 'f': consumes 'shipment-requests': visibilityTimeoutSeconds of queue 'shipment-requests'"
                            + " is 180 s, less than the function's timeout of 300 s; Lambda refuses such an event"
                            + " source (AWS advises six times the timeout)");
        }

        @Test
        void check_shouldReportInputProblems_whenASubscriptionShapesItsInputWrongly() {
            PlatformModel.Builder model = base()
                    .subscription("both", s -> s.bus("nagare").pattern(ORDER_PLACED).target(Reference.bus("nagare"))
                            .input("{not json").inputPath("detail"))
                    .subscription("template", s -> s.bus("nagare").pattern(ORDER_PLACED).target(Reference.bus("nagare"))
                            .inputTransformer(Map.of("order", "$.detail.orderId"),
                                    "{\"order\": <order>, \"total\": <total>, \"rule\": <aws.events.rule-name>}"));

            assertThat(problems(model)).containsExactly(
                    "subscription 'both': input excludes inputPath and inputTransformer, as in EventBridge; declare"
                            + " one of the three",
                    "subscription 'both': input must be valid JSON text; got '{not json'",
                    "subscription 'both': inputPath must be a JSONPath starting with '$'; got 'detail'",
                    "subscription 'template': inputTransformer template uses <total>, which is neither in its paths"
                            + " [order] nor one of EventBridge's variables [aws.events.event, aws.events.event.ingestion-time,"
                            + " aws.events.event.json, aws.events.rule-arn, aws.events.rule-name]");
        }

        @Test
        void check_shouldRequireAMessageGroup_whenTheTargetIsAFifoQueue() {
            PlatformModel.Builder model = base()
                    .queue("payments.fifo", q -> q.fifo().deadLetterQueue("payments-dlq.fifo"))
                    .queue("payments-dlq.fifo", q -> q.fifo().asDeadLetterQueue())
                    .subscription("to-fifo", s -> s.bus("nagare").pattern(ORDER_PLACED)
                            .target(Reference.queue("payments.fifo")).deadLetterQueue("orders-dlq"))
                    .subscription("to-saga", s -> s.bus("nagare").pattern(ORDER_PLACED)
                            .target(Reference.saga("order-fulfilment")).deadLetterQueue("orders-dlq")
                            .messageGroupId("orders"));

            assertThat(problems(model)).containsExactly(
                    "subscription 'to-fifo': messageGroupId is required: target queue 'payments.fifo' is a FIFO queue",
                    "subscription 'to-saga': messageGroupId applies to FIFO queue targets only; target is saga"
                            + " 'order-fulfilment'");
        }
    }

    @Nested
    class Tables {

        @Test
        void check_shouldReportKeyAndIndexProblems_whenATableBreaksDynamoDbRules() {
            PlatformModel.Builder model = base().table("payments", t -> t
                    .partitionKey("paymentId", AttributeType.S)
                    .localIndex("by-amount", Key.of("amount", AttributeType.N))
                    .globalIndex("by-order", Key.of("paymentId", AttributeType.N), null, Projection.include())
                    .globalIndex("by-order", Key.of("orderId", AttributeType.S), null, Projection.keysOnly())
                    .ttlAttribute("paymentId")
                    .billing(Billing.provisioned(0, 5))
                    .replicaRegions("tokyo"));

            assertThat(problems(model)).containsExactly(
                    "table 'payments': localIndexes need a sort key on the table: a local index is another sort key"
                            + " for the table's partition key",
                    "table 'payments': globalIndex 'by-order' partitionKey declares attribute 'paymentId' as N,"
                            + " another key declares it as S; an attribute has one type",
                    "table 'payments': globalIndex 'by-order' projection INCLUDE names no attribute; use KEYS_ONLY or"
                            + " name the attributes",
                    "table 'payments': globalIndex 'by-order' name is used by another index of the table",
                    "table 'payments': ttlAttribute 'paymentId' is a key of type S; TTL reads a Number (epoch seconds)",
                    "table 'payments': billing PROVISIONED needs at least 1 read and 1 write capacity unit; got 0 and 5",
                    "table 'payments': replicaRegions 'tokyo' is not an AWS region name such as ap-northeast-3");
        }

        @Test
        void check_shouldLimitGlobalIndexes_whenATableDeclaresMoreThanTwenty() {
            PlatformModel.Builder model = base().table("wide", t -> {
                t.partitionKey("id", AttributeType.S);
                for (int i = 0; i < 21; i++) {
                    t.globalIndex("index-" + i, Key.of("a" + i, AttributeType.S), null);
                }
            });

            assertThat(problems(model)).containsExactly("table 'wide': globalIndexes has 21; DynamoDB allows 20");
        }
    }

    @Nested
    class SagaDefinitions {

        @Test
        void check_shouldReportAMissingDefinition_whenTheAslFileIsNotOnTheClasspath() {
            PlatformModel.Builder model = base().saga("refund", s -> s.definition("sagas/refund.asl.json"));

            assertThat(problems(model)).containsExactly("saga 'refund': definition 'sagas/refund.asl.json' is not on"
                    + " the classpath; package the ASL file as a resource of the module declaring the saga");
        }

        @Test
        void check_shouldReportPlaceholdersAndSubstitutionsThatDoNotMeet_whenTheyDisagree() {
            PlatformModel.Builder model = base().saga("refund", s -> s.definition("model/order-fulfilment.asl.json")
                    .function("ValidateOrderFunction", "validate-order")
                    .table("OrdersTable", "orders", TableAccess.READ_WRITE)
                    .bus("EventBus", "nagare")
                    .bus("AuditBus", "nagare"));

            assertThat(problems(model)).containsExactly(
                    "saga 'refund': substitutions define no value for ${ShipmentRequestsQueue}, which"
                            + " 'model/order-fulfilment.asl.json' uses; substitutions: [AuditBus, EventBus, OrdersTable,"
                            + " ValidateOrderFunction]",
                    "saga 'refund': substitution 'AuditBus' is not used by 'model/order-fulfilment.asl.json';"
                            + " placeholders there: [EventBus, OrdersTable, ShipmentRequestsQueue, ValidateOrderFunction]");
        }

        @Test
        void check_shouldRefuseWaitingStates_whenTheSagaIsExpress() {
            PlatformModel.Builder model = base().saga("fast", s -> s.definition("model/order-fulfilment.asl.json")
                    .type(SagaDeclaration.Type.EXPRESS)
                    .function("ValidateOrderFunction", "validate-order")
                    .table("OrdersTable", "orders", TableAccess.READ_WRITE)
                    .queue("ShipmentRequestsQueue", "shipment-requests")
                    .bus("EventBus", "nagare"));

            assertThat(problems(model)).containsExactly("saga 'fast': type EXPRESS cannot run state 'RequestShipment'"
                    + " (arn:aws:states:::sqs:sendMessage.waitForTaskToken): Express workflows support neither .sync"
                    + " nor .waitForTaskToken; declare the saga STANDARD");
        }
    }

    @Nested
    class AsyncInvocationConfig {

        @Test
        void check_shouldFindNothing_whenDestinationsAreADeclaredStandardQueueAndBus() {
            PlatformModel.Builder model = base().function("f", f -> f.handler("a.B").maximumEventAgeSeconds(60)
                    .onSuccess(FunctionDeclaration.AsyncDestination.bus("nagare"))
                    .onFailure(FunctionDeclaration.AsyncDestination.queue("platform-dlq")));

            assertThat(problems(model)).isEmpty();
        }

        @Test
        void check_shouldNameTheFieldAndListDeclared_whenADestinationIsNotDeclared() {
            PlatformModel.Builder model = base().function("f", f -> f.handler("a.B")
                    .onSuccess(FunctionDeclaration.AsyncDestination.bus("audit"))
                    .onFailure(FunctionDeclaration.AsyncDestination.queue("failures")));

            assertThat(problems(model)).containsExactly(
                    "function 'f': onSuccess bus 'audit' is not declared; declared buses: [nagare]",
                    "function 'f': onFailure queue 'failures' is not declared; declared queues: [orders-dlq,"
                            + " platform-dlq, shipment-requests]");
        }

        @Test
        void check_shouldRefuseFifoQueuesTopicsAndFunctions_whenTheyAreDestinations() {
            PlatformModel.Builder model = base()
                    .queue("records.fifo", q -> q.fifo().asDeadLetterQueue())
                    .function("f", f -> f.handler("a.B")
                            .onSuccess(FunctionDeclaration.AsyncDestination.queue("records.fifo"))
                            .onFailure(FunctionDeclaration.AsyncDestination.topic("alerts")))
                    .function("g", g -> g.handler("a.G")
                            .onFailure(FunctionDeclaration.AsyncDestination.function("f")));

            assertThat(problems(model)).containsExactly(
                    "function 'f': onSuccess queue 'records.fifo' is FIFO; Lambda sends invocation records to"
                            + " standard queues only",
                    "function 'f': onFailure not supported: topic 'alerts' as an asynchronous invocation"
                            + " destination; the platform sends invocation records to a queue"
                            + " (AsyncDestination.queue) or an event bus (AsyncDestination.bus) of the model",
                    "function 'g': onFailure not supported: function 'f' as an asynchronous invocation"
                            + " destination; the platform sends invocation records to a queue"
                            + " (AsyncDestination.queue) or an event bus (AsyncDestination.bus) of the model");
        }

        @Test
        void check_shouldReportLambdasRange_whenTheMaximumEventAgeIsOutside() {
            PlatformModel.Builder model = base()
                    .function("f", f -> f.handler("a.B").maximumEventAgeSeconds(59))
                    .function("g", g -> g.handler("a.G").maximumEventAgeSeconds(21_601));

            assertThat(problems(model)).containsExactly(
                    "function 'f': maximumEventAgeSeconds must be 60-21600; got 59",
                    "function 'g': maximumEventAgeSeconds must be 60-21600; got 21601");
        }
    }

    private static PlatformModel.Builder base() {
        return PlatformModel.builder()
                .declare(new PlatformTestDeclarations())
                .declare(new OrdersTestDeclarations())
                .owner("test");
    }

    private static List<String> problems(PlatformModel.Builder model) {
        return VALIDATOR.check(model.build()).stream().map(ModelProblem::toString).toList();
    }
}
