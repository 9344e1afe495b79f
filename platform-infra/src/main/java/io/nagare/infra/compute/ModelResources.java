package io.nagare.infra.compute;

import java.util.Map;
import java.util.Objects;

import io.nagare.infra.ResourceNames;
import io.nagare.platform.model.Reference;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The deployed resources of the model that functions and sagas use, by declared name, and the value a reference
 * becomes (docs/platform-model.md, "What a reference becomes"). Sagas are looked up by their known name rather than
 * by object: a function that starts a saga and a saga that invokes the function would otherwise form a cycle.
 *
 * @param tables tables by declared name
 * @param queues queues by declared name
 * @param buses  buses by declared name
 * @param names  physical names of the environment
 */
public record ModelResources(Map<String, ITableV2> tables, Map<String, IQueue> queues, Map<String, IEventBus> buses,
                             ResourceNames names) {

    public ModelResources {
        tables = Map.copyOf(tables);
        queues = Map.copyOf(queues);
        buses = Map.copyOf(buses);
        Objects.requireNonNull(names, "names");
    }

    public ITableV2 table(String declared) {
        return require(tables.get(declared), Reference.table(declared));
    }

    public IQueue queue(String declared) {
        return require(queues.get(declared), Reference.queue(declared));
    }

    public IEventBus bus(String declared) {
        return require(buses.get(declared), Reference.bus(declared));
    }

    /** The state machine of saga {@code declared}, by its physical name, as {@code scope} sees it. */
    public IStateMachine saga(Construct scope, String declared) {
        String id = "Saga-" + declared;
        IStateMachine existing = (IStateMachine) scope.getNode().tryFindChild(id);
        return existing != null ? existing
                : StateMachine.fromStateMachineArn(scope, id, names.sagaArn(Stack.of(scope), declared));
    }

    private static <T> T require(T resource, Reference reference) {
        if (resource == null) {
            throw new IllegalStateException(reference + " has no deployed resource; is the model validated?");
        }
        return resource;
    }
}
