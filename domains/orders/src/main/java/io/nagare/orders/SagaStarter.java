package io.nagare.orders;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts the order-fulfilment saga. The execution name is the order's business key, so Step Functions itself refuses
 * a second saga for an order: {@code ExecutionAlreadyExists} means the saga is started already, a success.
 */
final class SagaStarter {

    private final SfnClient stepFunctions;
    private final String stateMachineArn;

    SagaStarter(SfnClient stepFunctions, String stateMachineArn) {
        this.stepFunctions = stepFunctions;
        this.stateMachineArn = stateMachineArn;
    }

    /** @return true when this call started the execution, false when one of that name exists */
    boolean start(String executionName, String input) {
        try {
            stepFunctions.startExecution(b -> b.stateMachineArn(stateMachineArn).name(executionName).input(input));
            return true;
        } catch (ExecutionAlreadyExistsException e) {
            return false;
        }
    }
}
