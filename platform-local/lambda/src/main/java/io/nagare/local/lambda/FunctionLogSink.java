package io.nagare.local.lambda;

/** Where function logs go, as CloudWatch Logs receives them on AWS: each write with its function's name. */
@FunctionalInterface
public interface FunctionLogSink {

    void write(String functionName, String text);

    /** Standard output, each line prefixed with {@code [function-name]}. */
    static FunctionLogSink standardOutput() {
        return (functionName, text) -> {
            StringBuilder out = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (!line.isEmpty()) {
                    out.append('[').append(functionName).append("] ").append(line).append('\n');
                }
            }
            System.out.print(out);
        };
    }

    /** Nowhere, for tests that read logs through {@code X-Amz-Log-Result}. */
    static FunctionLogSink discard() {
        return (functionName, text) -> { };
    }
}
