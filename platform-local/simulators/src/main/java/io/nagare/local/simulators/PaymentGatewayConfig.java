package io.nagare.local.simulators;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payment gateway's behaviour, changed at run time with {@code PUT /payment-gateway/_config}: latency before every
 * answer, share of authorizations declined, share of calls meeting an outage (503).
 */
record PaymentGatewayConfig(long latencyMs, double declineRate, double outageRate) {

    static final String ACCEPTED = "latencyMs (0-60000), declineRate (0-1), outageRate (0-1)";

    PaymentGatewayConfig {
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new BadRequestException("latencyMs must be 0-60000: " + latencyMs);
        }
        rate(declineRate, "declineRate");
        rate(outageRate, "outageRate");
    }

    /** This configuration with the members of {@code update} applied (each optional). */
    PaymentGatewayConfig with(JsonNode update) {
        long latency = latencyMs;
        double decline = declineRate;
        double outage = outageRate;
        for (Iterator<Map.Entry<String, JsonNode>> it = ConfigJson.members(update, ACCEPTED); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            switch (member.getKey()) {
                case "latencyMs" -> latency = ConfigJson.integer(member, ACCEPTED);
                case "declineRate" -> decline = ConfigJson.number(member, ACCEPTED);
                case "outageRate" -> outage = ConfigJson.number(member, ACCEPTED);
                default -> throw ConfigJson.unknown(member.getKey(), ACCEPTED);
            }
        }
        return new PaymentGatewayConfig(latency, decline, outage);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("latencyMs", latencyMs);
        json.put("declineRate", declineRate);
        json.put("outageRate", outageRate);
        return json;
    }

    static double rate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new BadRequestException(name + " must be between 0 and 1: " + rate);
        }
        return rate;
    }
}
