package io.nagare.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.InProcessHttpClient;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.platform.model.PlatformModel;

/**
 * Local AWS Lambda: the platform model's functions, their handler classes invoked in-process, behind Lambda's REST
 * API ({@code /2015-03-31/functions/{name}/invocations}, ...). EventBridge rules deliver to functions through
 * {@link EventTargetInvoker.Lambda} as asynchronous invocations; SQS event source mappings poll the runtime's SQS
 * service. Asynchronous invocations are durable in the runtime's {@code lambda} store.
 */
public final class LambdaService implements LocalService, EventTargetInvoker.Lambda {

    private final FunctionRegistry functions;
    private final FunctionInvoker invoker;
    private final AsyncInvocations async;
    private final EventSourceMappings mappings;
    private final LambdaApi api;
    private final Runnable onClose;

    LambdaService(RuntimeContext context, PlatformModel model, LambdaServiceFactory settings,
                  Executor dispatch, Runnable onClose) {
        this.onClose = onClose;
        Arns arns = new Arns(context.region(), context.accountId());
        ClassLoader classLoader = settings.classLoader();
        Instant deployedAt = context.clock().now();
        InProcessHttpClient inProcess = InProcessHttpClient.of(context);
        List<DeployedFunction> deployed = model.functions().stream()
                .map(f -> new DeployedFunction(f, arns, context::endpointUrl, classLoader, inProcess))
                .toList();
        this.functions = new FunctionRegistry(deployed, arns);
        this.invoker = new FunctionInvoker(context.clock(), settings.logSink());
        this.async = new AsyncInvocations(context.store("lambda"), functions, invoker,
                new DeadLetters(context, arns), new AsyncDestinations(context, arns), context.clock(), dispatch);
        this.mappings = new EventSourceMappings(functions, settings.queues(context),
                new EventSourceMappings.StreamAccess(new TableStreams(context),
                        () -> context.service(EventTargetInvoker.Sqs.class), context.store("lambda")),
                invoker, context.clock(), dispatch, arns, deployedAt, settings.queuePollers());
        this.api = new LambdaApi(functions, new InvokeOperation(functions, invoker, async),
                new FunctionQueries(functions, arns, deployedAt), mappings);
        async.recover();
        mappings.start();
    }

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public boolean handles(LocalRequest request) {
        return LambdaApi.handles(request);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        return api.handle(request);
    }

    /** An EventBridge rule's delivery: an asynchronous invocation, accepted once it is queued durably. */
    @Override
    public void invoke(EventTargetRequest request) {
        DeployedFunction function;
        try {
            function = functions.resolve(request.targetArn(), null);
        } catch (AwsServiceException e) {
            throw new EventTargetException("NO_RESOURCE", e.getMessage(), false);
        }
        byte[] payload = request.input().getBytes(StandardCharsets.UTF_8);
        if (payload.length > InvokeOperation.MAX_ASYNC_PAYLOAD_BYTES) {
            throw new EventTargetException("INVALID_PARAMETER", "Request must be smaller than "
                    + InvokeOperation.MAX_ASYNC_PAYLOAD_BYTES + " bytes for the InvokeFunction operation", false);
        }
        async.enqueue(function, payload);
    }

    @Override
    public void close() {
        mappings.close();
        async.close();
        onClose.run();
        invoker.close();
    }
}
