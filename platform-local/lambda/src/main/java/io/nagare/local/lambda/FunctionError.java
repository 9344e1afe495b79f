package io.nagare.local.lambda;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error payload of a failed invocation, as the Lambda Java runtime reports it: {@code errorMessage},
 * {@code errorType} and, for an exception the handler threw, {@code stackTrace} (one string per frame, the
 * runtime's own frames cut off). Errors Lambda itself raises ({@code Sandbox.Timedout}, ...) carry no stack trace.
 */
record FunctionError(String errorMessage, String errorType, List<String> stackTrace) {

    /** Frames from here down are the local runtime's, not the function's: the stack trace ends above them. */
    private static final List<String> RUNTIME_CLASSES = List.of(
            HandlerAdapters.class.getName(), FunctionInvoker.class.getName(), HandlerLoader.class.getName());

    /**
     * What the handler threw, as the runtime's {@code LambdaErrorConverter.fromThrowable} reports it. Like the
     * runtime, this first cuts the runtime's frames off the throwable's stack trace and its causes' (in place), so
     * the logged trace shows the function's frames only.
     */
    static FunctionError thrown(Throwable error) {
        cutRuntimeFrames(error, Collections.newSetFromMap(new IdentityHashMap<>()));
        String message = error.getLocalizedMessage() == null ? error.getClass().getName() : error.getLocalizedMessage();
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : error.getStackTrace()) {
            frames.add(frame.toString());
        }
        return new FunctionError(message, error.getClass().getName(), List.copyOf(frames));
    }

    /**
     * A failure to load or construct the handler: message and type (null when the runtime names none), no stack
     * trace, as the runtime reports its {@code UserFault}s.
     */
    static FunctionError fault(String message, String errorType) {
        return new FunctionError(message, errorType, null);
    }

    static FunctionError timedOut(String requestId, long elapsedMillis) {
        return new FunctionError(String.format(Locale.ROOT, "RequestId: %s Error: Task timed out after %.2f seconds",
                requestId, elapsedMillis / 1000.0), "Sandbox.Timedout", null);
    }

    static FunctionError responseTooLarge(int limit) {
        return new FunctionError("Response payload size exceeded maximum allowed payload size (" + limit
                + " bytes).", "Function.ResponseSizeTooLarge", null);
    }

    ObjectNode toJson() {
        ObjectNode json = Jsons.MAPPER.createObjectNode();
        json.put("errorMessage", errorMessage);
        if (errorType != null) {
            json.put("errorType", errorType);
        }
        if (stackTrace != null) {
            stackTrace.forEach(json.putArray("stackTrace")::add);
        }
        return json;
    }

    byte[] toBytes() {
        return Jsons.bytes(toJson());
    }

    /** What the runtime logs for a failed invocation: message, type, then the trace when there is one. */
    String logText(Throwable error) {
        if (error == null) {
            return errorType == null ? errorMessage + "\n" : errorMessage + ": " + errorType + "\n";
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return errorMessage + ": " + errorType + "\n" + trace + "\n";
    }

    private static void cutRuntimeFrames(Throwable error, Set<Throwable> seen) {
        if (!seen.add(error)) {
            return;
        }
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (isRuntimeFrame(frames[i])) {
                error.setStackTrace(Arrays.copyOf(frames, i));
                break;
            }
        }
        if (error.getCause() != null) {
            cutRuntimeFrames(error.getCause(), seen);
        }
        for (Throwable suppressed : error.getSuppressed()) {
            cutRuntimeFrames(suppressed, seen);
        }
    }

    private static boolean isRuntimeFrame(StackTraceElement frame) {
        for (String runtimeClass : RUNTIME_CLASSES) {
            if (frame.getClassName().startsWith(runtimeClass)) {
                return true;
            }
        }
        return false;
    }
}
