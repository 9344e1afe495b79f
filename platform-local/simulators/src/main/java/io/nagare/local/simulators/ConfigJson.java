package io.nagare.local.simulators;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading a {@code PUT .../_config} body: an object of known numeric members, each optional. */
final class ConfigJson {

    private ConfigJson() {
    }

    static Iterator<Map.Entry<String, JsonNode>> members(JsonNode update, String accepted) {
        if (update == null || !update.isObject()) {
            throw new BadRequestException("the configuration must be a JSON object with any of: " + accepted);
        }
        return update.fields();
    }

    static long integer(Map.Entry<String, JsonNode> member, String accepted) {
        if (!member.getValue().canConvertToExactIntegral()) {
            throw new BadRequestException("'" + member.getKey() + "' must be a whole number; accepted: " + accepted);
        }
        return member.getValue().longValue();
    }

    static double number(Map.Entry<String, JsonNode> member, String accepted) {
        if (!member.getValue().isNumber()) {
            throw new BadRequestException("'" + member.getKey() + "' must be a number; accepted: " + accepted);
        }
        return member.getValue().doubleValue();
    }

    static BadRequestException unknown(String name, String accepted) {
        return new BadRequestException("unknown configuration member '" + name + "'; accepted: " + accepted);
    }
}
