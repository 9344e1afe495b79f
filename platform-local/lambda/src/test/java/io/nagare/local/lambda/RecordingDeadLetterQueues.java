package io.nagare.local.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;

/** An SQS service double that records what is sent to queues, or fails the sends as SQS would when unavailable. */
final class RecordingDeadLetterQueues implements LocalServiceFactory {

    final List<EventTargetRequest> sent = new CopyOnWriteArrayList<>();
    volatile boolean unavailable;

    @Override
    public LocalService create(RuntimeContext context) {
        return new Service();
    }

    private final class Service implements LocalService, EventTargetInvoker.Sqs {
        @Override
        public String name() {
            return "recording-sqs";
        }

        @Override
        public boolean handles(LocalRequest request) {
            return false;
        }

        @Override
        public LocalResponse handle(LocalRequest request) {
            throw new UnsupportedOperationException("serves no requests");
        }

        @Override
        public void invoke(EventTargetRequest request) {
            if (unavailable) {
                throw new EventTargetException("ERROR_FROM_TARGET", "ServiceUnavailable", true);
            }
            sent.add(request);
        }
    }
}
