package io.nagare.local.stepfunctions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;

/** A stand-in for another local service: records the targets and bodies it receives, answers {@code answer}. */
final class RecordingService implements LocalService, LocalServiceFactory {

    private final String name;
    private final String targetPrefix;
    private final String answer;
    final List<String> received = new CopyOnWriteArrayList<>();

    RecordingService(String name, String targetPrefix, String answer) {
        this.name = name;
        this.targetPrefix = targetPrefix;
        this.answer = answer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean handles(LocalRequest request) {
        String target = request.header("X-Amz-Target");
        return target != null && target.startsWith(targetPrefix + ".");
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        received.add(request.header("X-Amz-Target") + " " + request.bodyAsString());
        return LocalResponse.of(200, "application/x-amz-json-1.0", answer.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public LocalService create(RuntimeContext context) {
        return this;
    }
}
