package io.nagare.local.integration;

import java.util.Map;

/**
 * The scenario the SDK and CLI tests both drive: on the bus {@code orders}, the rule {@code large-orders} matches
 * orders of 100 or more and sends each to two queues through InputTransformers, one with a JSON template and one with
 * a string template. The expected bodies are EventBridge's documented rendering: in a JSON template a string value
 * gets quotes and an object stays JSON, inside a string literal both are written raw (objects without their quotes).
 */
final class LargeOrders {

    static final String BUS = "orders";
    static final String RULE = "large-orders";
    static final String JSON_QUEUE = "order-notifications";
    static final String TEXT_QUEUE = "order-texts";

    static final String PATTERN = "{\"source\":[\"shop\"],\"detail-type\":[\"OrderPlaced\"],"
            + "\"detail\":{\"amount\":[{\"numeric\":[\">=\",100]}]}}";
    static final Map<String, String> PATHS = Map.of("order", "$.detail.orderId", "amount", "$.detail.amount",
            "customer", "$.detail.customer");
    static final String JSON_TEMPLATE = "{\"order\": <order>, \"amount\": <amount>, \"customer\": <customer>, "
            + "\"rule\": <aws.events.rule-name>, \"summary\": \"order <order> for <amount>\"}";
    static final String TEXT_TEMPLATE = "\"Order <order> (<amount>) by <customer>\"";

    static final String LARGE_ORDER = "{\"orderId\":\"o-42\",\"amount\":250.5,"
            + "\"customer\":{\"id\":\"c-1\",\"tier\":\"gold\"}}";
    static final String SMALL_ORDER = "{\"orderId\":\"o-7\",\"amount\":50,\"customer\":{\"id\":\"c-2\"}}";

    static final String EXPECTED_JSON = "{\"order\": \"o-42\", \"amount\": 250.5, "
            + "\"customer\": {\"id\":\"c-1\",\"tier\":\"gold\"}, \"rule\": \"large-orders\", "
            + "\"summary\": \"order o-42 for 250.5\"}";
    static final String EXPECTED_TEXT = "\"Order o-42 (250.5) by {id:c-1,tier:gold}\"";

    private LargeOrders() {
    }
}
