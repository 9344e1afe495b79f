package io.nagare.local.lambda;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

/**
 * Every handler shape as a {@link RequestStreamHandler}, as the Lambda Java runtime wraps them: a
 * {@link RequestHandler} or a POJO method reads its input with the runtime's serializer for the declared type and
 * writes its result with the one for the return type ({@code null} for {@code void}); a stream method gets the
 * streams it asks for. A handler's own exception passes through unchanged; a failure to read the input or write the
 * result is the runtime's {@code RuntimeException} with its message.
 */
final class HandlerAdapters {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private HandlerAdapters() {
    }

    /** A {@link RequestHandler} whose type arguments are {@code input} and {@code output} (null for void). */
    @SuppressWarnings("unchecked")
    static RequestStreamHandler requestHandler(RequestHandler<?, ?> handler, Type input, Type output,
                                               ClassLoader classLoader) {
        RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
        return new PojoHandler(input, output, classLoader, typed::handleRequest);
    }

    /** A public method taking (input?, Context?) and returning a value (or void), the form {@code Class::method}. */
    static RequestStreamHandler pojoMethod(Object instance, Method method, Type input, boolean needsContext,
                                           Type output, ClassLoader classLoader) {
        return new PojoHandler(input, output, classLoader, (value, context) -> {
            Object[] arguments = new Object[(input != null ? 1 : 0) + (needsContext ? 1 : 0)];
            int next = 0;
            if (input != null) {
                arguments[next++] = value;
            }
            if (needsContext) {
                arguments[next] = context;
            }
            return call(instance, method, arguments);
        });
    }

    /** A public method taking any of (InputStream, OutputStream, Context), in that order. */
    static RequestStreamHandler streamMethod(Object instance, Method method, boolean needsInput, boolean needsOutput,
                                             boolean needsContext) {
        return (in, out, context) -> {
            Object[] arguments = new Object[(needsInput ? 1 : 0) + (needsOutput ? 1 : 0) + (needsContext ? 1 : 0)];
            int next = 0;
            if (needsInput) {
                arguments[next++] = in;
            }
            if (needsOutput) {
                arguments[next++] = out;
            }
            if (needsContext) {
                arguments[next] = context;
            }
            call(instance, method, arguments);
        };
    }

    private static Object call(Object instance, Method method, Object[] arguments) {
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause() != null ? e.getCause() : e);
        } catch (IllegalAccessException e) {
            throw sneaky(e);
        }
    }

    /** Rethrows a checked exception unchanged, as the runtime does, so its type reaches the error payload. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable error) throws T {
        throw (T) error;
    }

    @FunctionalInterface
    private interface PojoCall {
        Object handle(Object input, Context context);
    }

    private static final class PojoHandler implements RequestStreamHandler {
        private final PojoSerializer<Object> input;
        private final PojoSerializer<Object> output;
        private final PojoCall call;

        PojoHandler(Type inputType, Type outputType, ClassLoader classLoader, PojoCall call) {
            this.input = inputType == null ? null : LambdaSerializers.forType(inputType, classLoader);
            this.output = outputType == null ? null : LambdaSerializers.forType(outputType, classLoader);
            this.call = call;
        }

        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) {
            Object value;
            try {
                value = input == null ? null : input.fromJson(in);
            } catch (Throwable e) {
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
            Object result = call.handle(value, context);
            try {
                if (output == null) {
                    out.write(JSON_NULL);
                } else {
                    output.toJson(result, out);
                }
            } catch (Throwable e) {
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
        }
    }
}
