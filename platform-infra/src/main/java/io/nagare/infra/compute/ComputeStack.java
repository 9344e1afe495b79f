package io.nagare.infra.compute;

import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.ResourceNames;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.SagaDeclaration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The seed's compute layer (section 2.2): every function and saga of the model, and the Fargate workers. Each model
 * resource is tagged with the bounded context that owns it ({@code domain}), for cost allocation.
 */
public final class ComputeStack extends Stack {

    private final Map<String, ModelFunction> functions = new TreeMap<>();
    private final Map<String, ModelSaga> sagas = new TreeMap<>();
    private final BatchWorkers workers;

    public ComputeStack(Construct scope, String id, StackProps props, ComputeStackProps compute) {
        super(scope, id, props);
        PlatformModel model = compute.model();
        ResourceNames names = compute.resources().names();
        for (FunctionDeclaration declaration : model.functions()) {
            ModelFunction function = new ModelFunction(this, "Function-" + declaration.name(),
                    new ModelFunctionProps(declaration, compute.code().codeOf(declaration), names, compute.resources(),
                            compute.vpc(), compute.securityGroup(), compute.logsKey()));
            Tags.of(function).add("domain", declaration.owner());
            functions.put(declaration.name(), function);
        }
        Map<String, IFunction> aliases = new TreeMap<>();
        functions.forEach((name, function) -> aliases.put(name, function.alias()));
        for (SagaDeclaration declaration : model.sagas()) {
            ModelSaga saga = new ModelSaga(this, "Saga-" + declaration.name(), declaration, names,
                    compute.resources(), aliases, compute.logsKey());
            Tags.of(saga).add("domain", declaration.owner());
            sagas.put(declaration.name(), saga);
        }
        workers = new BatchWorkers(this, "Workers", names.environment(), compute.vpc(), compute.securityGroup(),
                compute.logsKey(), compute.dataKey());
    }

    /** The alias {@code live} of each function, by declared name. */
    public Map<String, Alias> functionAliases() {
        Map<String, Alias> aliases = new TreeMap<>();
        functions.forEach((name, function) -> aliases.put(name, function.alias()));
        return aliases;
    }

    public Map<String, StateMachine> stateMachines() {
        Map<String, StateMachine> machines = new TreeMap<>();
        sagas.forEach((name, saga) -> machines.put(name, saga.stateMachine()));
        return machines;
    }

    public BatchWorkers workers() {
        return workers;
    }

    /**
     * What the compute stack is built from.
     *
     * @param model         the platform model
     * @param code          where function packages are
     * @param resources     the tables, queues and buses of the model
     * @param vpc           the platform VPC
     * @param securityGroup the application security group
     * @param logsKey       the logs key
     * @param dataKey       the business data key (container images)
     */
    public record ComputeStackProps(PlatformModel model, FunctionCode code, ModelResources resources, IVpc vpc,
                                    ISecurityGroup securityGroup, IKey logsKey, IKey dataKey) {
    }
}
