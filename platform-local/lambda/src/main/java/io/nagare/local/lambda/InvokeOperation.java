package io.nagare.local.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;

/**
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations}: {@code RequestResponse} runs the function and
 * answers its payload (200, with {@code X-Amz-Function-Error: Unhandled} and the error payload when it failed, and
 * the log tail for {@code X-Amz-Log-Type: Tail}); {@code Event} queues it durably (202); {@code DryRun} only checks
 * (204).
 */
final class InvokeOperation {

    static final int MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
    static final int MAX_ASYNC_PAYLOAD_BYTES = 1024 * 1024;
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final FunctionRegistry functions;
    private final FunctionInvoker invoker;
    private final AsyncInvocations async;

    InvokeOperation(FunctionRegistry functions, FunctionInvoker invoker, AsyncInvocations async) {
        this.functions = functions;
        this.invoker = invoker;
        this.async = async;
    }

    LocalResponse invoke(String functionName, LocalRequest request) {
        String type = header(request, "X-Amz-Invocation-Type", "RequestResponse");
        if (!type.equals("RequestResponse") && !type.equals("Event") && !type.equals("DryRun")) {
            throw new LambdaApiException("ValidationException", "1 validation error detected: Value '" + type
                    + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [Event, RequestResponse, DryRun]", 400);
        }
        String logType = header(request, "X-Amz-Log-Type", "None");
        if (!logType.equals("None") && !logType.equals("Tail")) {
            throw new LambdaApiException("ValidationException", "1 validation error detected: Value '" + logType
                    + "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]",
                    400);
        }
        if (request.header("X-Amz-Client-Context") != null) {
            throw LambdaApiException.notSupported("X-Amz-Client-Context (ClientContext is for mobile SDK clients)");
        }
        DeployedFunction function = functions.resolve(functionName, request.queryParameter("Qualifier"));
        byte[] payload = request.body().length == 0 ? EMPTY_EVENT : request.body();
        int limit = type.equals("Event") ? MAX_ASYNC_PAYLOAD_BYTES : MAX_SYNC_PAYLOAD_BYTES;
        if (payload.length > limit) {
            throw new LambdaApiException("RequestTooLargeException", "Request must be smaller than " + limit
                    + " bytes for the InvokeFunction operation", 413);
        }
        requireJson(payload);
        return switch (type) {
            case "Event" -> LocalResponse.of(202, LambdaResponses.JSON, new byte[0])
                    .withHeader("x-amzn-RequestId", async.enqueue(function, payload));
            case "DryRun" -> LocalResponse.of(204, LambdaResponses.JSON, new byte[0])
                    .withHeader("x-amzn-RequestId", LambdaResponses.requestId());
            default -> run(function, payload, logType.equals("Tail"));
        };
    }

    private LocalResponse run(DeployedFunction function, byte[] payload, boolean tail) {
        FunctionInvoker.Result result = invoker.invoke(function, payload, UUID.randomUUID().toString()).join();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", LambdaResponses.JSON);
        headers.put("X-Amz-Executed-Version", DeployedFunction.VERSION);
        headers.put("x-amzn-RequestId", result.requestId());
        if (result.failed()) {
            headers.put("X-Amz-Function-Error", "Unhandled");
        }
        if (tail) {
            headers.put("X-Amz-Log-Result", result.log().tailBase64());
        }
        return new LocalResponse(200, headers, result.payload());
    }

    private static void requireJson(byte[] payload) {
        try {
            Jsons.parse(payload);
        } catch (JsonProcessingException e) {
            throw new LambdaApiException("InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: "
                            + e.getOriginalMessage(), 400);
        } catch (IOException e) {
            throw new LambdaApiException("InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getMessage(), 400);
        }
    }

    private static String header(LocalRequest request, String name, String otherwise) {
        String value = request.header(name);
        return value == null || value.isEmpty() ? otherwise : value;
    }
}
