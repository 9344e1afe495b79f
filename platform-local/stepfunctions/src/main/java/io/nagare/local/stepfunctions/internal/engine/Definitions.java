package io.nagare.local.stepfunctions.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nagare.local.stepfunctions.internal.asl.Diagnostics;
import io.nagare.local.stepfunctions.internal.asl.StateMachineDefinition;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/** Compiled definitions by state machine revision, compiled once and shared by all executions of that revision. */
public final class Definitions {

    private final StepFunctionsStore store;
    private final Map<String, StateMachineDefinition> compiled = new ConcurrentHashMap<>();

    public Definitions(StepFunctionsStore store) {
        this.store = store;
    }

    public void put(String stateMachineArn, String revisionId, StateMachineDefinition definition) {
        compiled.put(stateMachineArn + "#" + revisionId, definition);
    }

    public StateMachineDefinition get(String stateMachineArn, String revisionId) {
        return compiled.computeIfAbsent(stateMachineArn + "#" + revisionId, key -> {
            String text = store.revision(stateMachineArn, revisionId);
            if (text == null) {
                throw new IllegalStateException("revision " + key + " of the definition is missing from the store");
            }
            Diagnostics diagnostics = new Diagnostics();
            StateMachineDefinition definition = StateMachineDefinition.compile(text, diagnostics);
            if (definition == null) {
                throw new IllegalStateException("stored revision " + key + " no longer compiles: "
                        + diagnostics.invalidDefinitionMessage());
            }
            return definition;
        });
    }
}
