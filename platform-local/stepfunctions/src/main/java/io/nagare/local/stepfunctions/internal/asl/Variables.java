package io.nagare.local.stepfunctions.internal.asl;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Workflow variables of one scope. A Parallel branch or Map iteration reads the variables of the scopes around it
 * but assigns only in its own scope, which ends with the branch (as on AWS).
 */
public final class Variables {

    private final Variables outer;
    private final Map<String, JsonNode> own;

    public Variables(Variables outer, Map<String, JsonNode> own) {
        this.outer = outer;
        this.own = new LinkedHashMap<>(own);
    }

    public static Variables root() {
        return new Variables(null, Map.of());
    }

    /** A new inner scope reading this one. */
    public Variables inner() {
        return new Variables(this, Map.of());
    }

    /** The variable's value, or null when no scope defines it. */
    public JsonNode get(String name) {
        for (Variables scope = this; scope != null; scope = scope.outer) {
            JsonNode value = scope.own.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public void assign(Map<String, JsonNode> values) {
        own.putAll(values);
    }

    /** The variables of this scope only (what is persisted with it). */
    public Map<String, JsonNode> own() {
        return own;
    }

    /** Every visible variable, inner scopes shadowing outer ones (what JSONata expressions see). */
    public Map<String, JsonNode> visible() {
        if (outer == null) {
            return own;
        }
        Map<String, JsonNode> all = new LinkedHashMap<>(outer.visible());
        all.putAll(own);
        return all;
    }
}
