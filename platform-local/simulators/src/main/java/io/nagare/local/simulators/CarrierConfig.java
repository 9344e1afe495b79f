package io.nagare.local.simulators;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The carrier's behaviour, changed at run time with {@code PUT /carrier/_config}; a shipment keeps the configuration
 * it was requested under.
 */
record CarrierConfig(long statusIntervalSeconds, long dispatchDelaySeconds, long lateDispatchDelaySeconds,
                     double failureRate) {

    static final String ACCEPTED = "statusIntervalSeconds (>= 1), dispatchDelaySeconds (>= 1), "
            + "lateDispatchDelaySeconds (>= 1), failureRate (0-1)";

    CarrierConfig {
        positive(statusIntervalSeconds, "statusIntervalSeconds");
        positive(dispatchDelaySeconds, "dispatchDelaySeconds");
        positive(lateDispatchDelaySeconds, "lateDispatchDelaySeconds");
        PaymentGatewayConfig.rate(failureRate, "failureRate");
    }

    CarrierConfig with(JsonNode update) {
        long interval = statusIntervalSeconds;
        long dispatch = dispatchDelaySeconds;
        long late = lateDispatchDelaySeconds;
        double failure = failureRate;
        for (Iterator<Map.Entry<String, JsonNode>> it = ConfigJson.members(update, ACCEPTED); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            switch (member.getKey()) {
                case "statusIntervalSeconds" -> interval = ConfigJson.integer(member, ACCEPTED);
                case "dispatchDelaySeconds" -> dispatch = ConfigJson.integer(member, ACCEPTED);
                case "lateDispatchDelaySeconds" -> late = ConfigJson.integer(member, ACCEPTED);
                case "failureRate" -> failure = ConfigJson.number(member, ACCEPTED);
                default -> throw ConfigJson.unknown(member.getKey(), ACCEPTED);
            }
        }
        return new CarrierConfig(interval, dispatch, late, failure);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("statusIntervalSeconds", statusIntervalSeconds);
        json.put("dispatchDelaySeconds", dispatchDelaySeconds);
        json.put("lateDispatchDelaySeconds", lateDispatchDelaySeconds);
        json.put("failureRate", failureRate);
        return json;
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new BadRequestException(name + " must be at least 1: " + value);
        }
    }
}
