package io.nagare.local.eventbridge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.GenericMachine;

/**
 * The enabled pattern rules of each bus compiled into one event-ruler machine, so matching costs the same for
 * 10 or 1,000 rules. A bus's machine is rebuilt and swapped whole when one of its rules changes.
 */
final class RuleIndex {

    private final Map<String, GenericMachine<String>> machines = new ConcurrentHashMap<>();

    void rebuild(String bus, Collection<Records.Rule> rules) {
        GenericMachine<String> machine = GenericMachine.<String>builder().build();
        for (Records.Rule rule : rules) {
            if (rule.enabled() && rule.eventPattern() != null) {
                EventPattern.compile(rule.eventPattern()).addTo(machine, rule.name());
            }
        }
        machines.put(bus, machine);
    }

    void remove(String bus) {
        machines.remove(bus);
    }

    /** Names of the enabled rules of {@code bus} whose pattern matches the event. */
    List<String> matching(String bus, JsonNode event) {
        GenericMachine<String> machine = machines.get(bus);
        return machine == null ? List.of() : machine.rulesForJSONEvent(event);
    }
}
