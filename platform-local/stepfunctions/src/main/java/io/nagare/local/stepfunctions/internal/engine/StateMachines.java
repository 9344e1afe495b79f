package io.nagare.local.stepfunctions.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nagare.local.stepfunctions.internal.json.Json;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/** The state machines, read from the store once and kept in memory (every StartExecution looks one up). */
public final class StateMachines {

    private final StepFunctionsStore store;
    private final Map<String, StateMachineRecord> byArn = new ConcurrentHashMap<>();

    public StateMachines(StepFunctionsStore store) {
        this.store = store;
    }

    /** The state machine of an ARN, or null. */
    public StateMachineRecord find(String arn) {
        StateMachineRecord cached = byArn.get(arn);
        if (cached != null) {
            return cached;
        }
        byte[] stored = store.stateMachine(arn);
        if (stored == null) {
            return null;
        }
        StateMachineRecord machine = StateMachineRecord.fromJson(Json.parse(stored));
        byArn.put(arn, machine);
        return machine;
    }

    public void put(StateMachineRecord machine) {
        store.putStateMachine(machine.arn(), Json.bytes(machine.toJson()));
        byArn.put(machine.arn(), machine);
    }

    public void delete(String arn) {
        store.deleteStateMachine(arn);
        byArn.remove(arn);
    }
}
