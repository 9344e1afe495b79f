package io.nagare.sagas.orderfulfilment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.testing.SagaTestKit;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.SagaDeclaration;

/**
 * The saga as the platform deploys it: the definition from this module's classpath and one value per substitution
 * of the declaration (a function's ARN, the queue's URL), so the tests run exactly what the declaration names.
 */
final class OrderFulfilmentKit {

    static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:ap-northeast-1:000000000000:function:";
    static final String QUEUE_URL_PREFIX = "https://sqs.ap-northeast-1.amazonaws.com/000000000000/";
    static final Path MOCKS = Path.of("src/test/resources/order-fulfilment-mocks.json");

    private OrderFulfilmentKit() {
    }

    /** The kit with the mock config; tasks a test case leaves unmocked go to {@code worker}. */
    static SagaTestKit create(AwsServiceCalls worker) {
        SagaDeclaration saga = declaration();
        SagaTestKit kit = SagaTestKit.forDefinition(saga.name(), definition(saga))
                .withMockConfig(MOCKS)
                .withServiceCalls(worker);
        for (Map.Entry<String, Reference> substitution : saga.substitutions().entrySet()) {
            kit = kit.withSubstitution(substitution.getKey(), valueOf(substitution.getValue()));
        }
        return kit;
    }

    static SagaDeclaration declaration() {
        return PlatformModel.of(new OrderFulfilmentDeclarations()).saga(OrderFulfilmentDeclarations.SAGA).orElseThrow();
    }

    private static String valueOf(Reference reference) {
        return switch (reference.kind()) {
            case FUNCTION -> FUNCTION_ARN_PREFIX + reference.name();
            case QUEUE -> QUEUE_URL_PREFIX + reference.name();
            default -> throw new IllegalArgumentException("not supported: a " + reference
                    + " substitution in the order-fulfilment saga's tests");
        };
    }

    private static String definition(SagaDeclaration saga) {
        try (InputStream in = OrderFulfilmentKit.class.getClassLoader().getResourceAsStream(saga.definition())) {
            if (in == null) {
                throw new IllegalStateException(saga.definition() + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
