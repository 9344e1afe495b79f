package io.nagare.orders;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** Step Functions as far as StartExecution goes: one execution per name; a second start of a name is refused. */
final class RecordingStepFunctions implements SfnClient {

    final Map<String, StartExecutionRequest> executions = new ConcurrentHashMap<>();
    final List<StartExecutionRequest> calls = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;

    @Override
    public StartExecutionResponse startExecution(StartExecutionRequest request) {
        calls.add(request);
        if (failure != null) {
            throw failure;
        }
        if (executions.putIfAbsent(request.name(), request) != null) {
            throw ExecutionAlreadyExistsException.builder().message("Execution Already Exists: '"
                    + request.stateMachineArn() + ":" + request.name() + "'").build();
        }
        return StartExecutionResponse.builder().executionArn(request.stateMachineArn() + ":" + request.name()).build();
    }

    @Override
    public String serviceName() {
        return "states";
    }

    @Override
    public void close() {
    }
}
