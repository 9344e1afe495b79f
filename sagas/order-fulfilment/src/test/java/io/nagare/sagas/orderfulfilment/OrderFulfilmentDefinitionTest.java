package io.nagare.sagas.orderfulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rules of the definition that no single run shows: which errors may be retried, that every retry backs off with
 * jitter and a ceiling, that no task lets an error escape its compensations, and the shipment wait's limits.
 */
class OrderFulfilmentDefinitionTest {

    /** The contract's transient errors, the payment provider's and the carrier's outages, and lost stock races. */
    private static final Set<String> RETRIABLE = Set.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
            "io.nagare.platform.idempotency.IdempotencyInProgressException",
            "io.nagare.payments.PaymentProviderUnavailableException", "io.nagare.shipping.CarrierUnavailableException",
            "io.nagare.inventory.InventoryConflictException");
    private static final Set<String> COMPENSATIONS = Set.of("RefundPayment", "VoidPayment", "ReleaseInventory",
            "CancelOrder");

    private final JsonNode states = definition().path("States");

    @Test
    void forwardSteps_shouldRetryOnlyTransientErrors_neverBusinessErrors() {
        for (Map.Entry<String, JsonNode> state : tasks()) {
            if (COMPENSATIONS.contains(state.getKey()) || state.getKey().equals("ReportIncident")) {
                continue;
            }
            for (JsonNode retrier : state.getValue().path("Retry")) {
                assertThat(texts(retrier.path("ErrorEquals"))).as("errors %s retries", state.getKey())
                        .isSubsetOf(RETRIABLE);
            }
        }
    }

    @Test
    void everyRetrier_shouldBackOffWithJitterAndACeiling() {
        for (Map.Entry<String, JsonNode> state : tasks()) {
            assertThat(state.getValue().path("Retry")).as("retriers of %s", state.getKey()).isNotEmpty();
            for (JsonNode retrier : state.getValue().path("Retry")) {
                assertThat(retrier.path("BackoffRate").asDouble()).as("BackoffRate of %s", state.getKey()).isGreaterThan(1);
                assertThat(retrier.path("MaxDelaySeconds").asInt()).as("MaxDelaySeconds of %s", state.getKey()).isPositive();
                assertThat(retrier.path("JitterStrategy").asText()).as("JitterStrategy of %s", state.getKey()).isEqualTo("FULL");
            }
        }
    }

    @Test
    void everyTask_shouldCatchEveryError_andCompensationsShouldReportAnIncident() {
        for (Map.Entry<String, JsonNode> state : tasks()) {
            JsonNode catchers = state.getValue().path("Catch");
            assertThat(catchers).as("catchers of %s", state.getKey()).isNotEmpty();
            JsonNode last = catchers.get(catchers.size() - 1);
            assertThat(texts(last.path("ErrorEquals"))).as("last catcher of %s", state.getKey()).containsExactly("States.ALL");
            if (COMPENSATIONS.contains(state.getKey())) {
                assertThat(last.path("Next").asText()).isEqualTo("ReportIncident");
                assertThat(last.path("Assign").path("failedCompensation").asText()).isEqualTo(state.getKey());
            }
        }
    }

    @Test
    void requestShipment_shouldWaitForTheCarrierWithAHeartbeatShorterThanItsTimeout() {
        JsonNode shipment = states.path("RequestShipment");

        assertThat(shipment.path("Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke.waitForTaskToken");
        assertThat(shipment.path("Parameters").path("Payload.$").asText()).contains("$$.Task.Token");
        assertThat(shipment.path("HeartbeatSeconds").asInt()).isEqualTo(3600);
        assertThat(shipment.path("TimeoutSeconds").asInt()).isEqualTo(172800);
    }

    private List<Map.Entry<String, JsonNode>> tasks() {
        List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>();
        states.properties().forEach(state -> {
            if (state.getValue().path("Type").asText().equals("Task")) {
                tasks.add(state);
            }
        });
        assertThat(tasks).hasSize(11);
        return tasks;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode definition() {
        try (InputStream in = OrderFulfilmentDefinitionTest.class.getClassLoader()
                .getResourceAsStream(OrderFulfilmentDeclarations.DEFINITION)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OrderFulfilmentDeclarations.DEFINITION, e);
        }
    }
}
