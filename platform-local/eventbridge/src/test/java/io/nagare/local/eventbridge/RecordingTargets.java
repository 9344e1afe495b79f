package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.local.runtime.targets.EventTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;

/** In-test SQS, Lambda and Step Functions: records what EventBridge delivers; can be told to fail. */
final class RecordingTargets {

    final Recorder sqs = new SqsDouble();
    final Recorder lambda = new LambdaDouble();
    final Recorder stepFunctions = new StepFunctionsDouble();

    abstract static class Recorder implements LocalService, EventTargetInvoker {
        private final List<EventTargetRequest> received = new CopyOnWriteArrayList<>();
        private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

        /** Every later delivery to {@code arn} fails with {@code failure} (a target's refusal, or a bug of its). */
        void failFor(String arn, RuntimeException failure) {
            failures.put(arn, failure);
        }

        void recover(String arn) {
            failures.remove(arn);
        }

        List<EventTargetRequest> receivedBy(String arn) {
            List<EventTargetRequest> matching = new ArrayList<>();
            for (EventTargetRequest request : received) {
                if (request.targetArn().equals(arn)) {
                    matching.add(request);
                }
            }
            return matching;
        }

        @Override
        public void invoke(EventTargetRequest request) {
            RuntimeException failure = failures.get(request.targetArn());
            if (failure != null) {
                throw failure;
            }
            received.add(request);
        }

        @Override
        public boolean handles(LocalRequest request) {
            return false;
        }

        @Override
        public LocalResponse handle(LocalRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class SqsDouble extends Recorder implements EventTargetInvoker.Sqs {
        @Override
        public String name() {
            return "sqs-double";
        }
    }

    private static final class LambdaDouble extends Recorder implements EventTargetInvoker.Lambda {
        @Override
        public String name() {
            return "lambda-double";
        }
    }

    private static final class StepFunctionsDouble extends Recorder implements EventTargetInvoker.StepFunctions {
        @Override
        public String name() {
            return "stepfunctions-double";
        }
    }
}
