package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetException;
import java.util.Optional;
import java.util.Set;

import io.nagare.local.runtime.RuntimeContext;

/** Finds who delivers to a target ARN: the local service for its ARN service, or EventBridge for a bus. */
final class TargetInvokers {

    /** The ARN services whose targets the local runtime can deliver to. */
    static final Set<String> SUPPORTED = Set.of("sqs", "lambda", "states", "events");

    private final RuntimeContext context;
    private final EventTargetInvoker busTarget;

    TargetInvokers(RuntimeContext context, EventTargetInvoker busTarget) {
        this.context = context;
        this.busTarget = busTarget;
    }

    /** The invoker for {@code arn}; a non-retryable EventTargetException when no local service serves it. */
    EventTargetInvoker forArn(String arn) {
        String service = EventBridgeArns.service(arn);
        Optional<? extends EventTargetInvoker> invoker = switch (service == null ? "" : service) {
            case "sqs" -> context.service(EventTargetInvoker.Sqs.class);
            case "lambda" -> context.service(EventTargetInvoker.Lambda.class);
            case "states" -> context.service(EventTargetInvoker.StepFunctions.class);
            case "events" -> Optional.of(busTarget);
            default -> Optional.empty();
        };
        return invoker.orElseThrow(() -> new EventTargetException("NOT_SUPPORTED",
                "not supported: no local service delivers to " + service + " targets (" + arn + ")", false));
    }
}
