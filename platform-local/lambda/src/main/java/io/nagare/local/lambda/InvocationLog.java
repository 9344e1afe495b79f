package io.nagare.local.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The log of one invocation: what the handler writes through {@code context.getLogger()} between Lambda's
 * {@code START}, {@code END} and {@code REPORT} lines. Each write also goes to the runtime's log sink, as function
 * logs go to CloudWatch Logs; the invoker asks for the last 4 KB with {@code X-Amz-Log-Type: Tail}.
 */
final class InvocationLog implements LambdaLogger {

    private static final int TAIL_BYTES = 4096;

    private final StringBuilder text = new StringBuilder();
    private final FunctionLogSink sink;
    private final String functionName;

    InvocationLog(FunctionLogSink sink, String functionName) {
        this.sink = sink;
        this.functionName = functionName;
    }

    @Override
    public void log(String message) {
        append(String.valueOf(message));
    }

    @Override
    public void log(byte[] message) {
        append(new String(message, StandardCharsets.UTF_8));
    }

    synchronized void append(String message) {
        text.append(message);
        sink.write(functionName, message);
    }

    synchronized String text() {
        return text.toString();
    }

    /** The last 4 KB of the log, base64-encoded, as {@code X-Amz-Log-Result} carries it. */
    String tailBase64() {
        byte[] all = text().getBytes(StandardCharsets.UTF_8);
        byte[] tail = all.length <= TAIL_BYTES ? all : Arrays.copyOfRange(all, all.length - TAIL_BYTES, all.length);
        return Base64.getEncoder().encodeToString(tail);
    }
}
