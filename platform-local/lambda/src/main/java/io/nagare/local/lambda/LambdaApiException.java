package io.nagare.local.lambda;

import io.nagare.local.runtime.AwsServiceException;

/**
 * An error of Lambda's API, answered in its REST-JSON shape: the code in {@code X-Amzn-ErrorType}, a body with
 * {@code Type} ({@code User} or {@code Service}), the message and, for throttling, the {@code Reason}.
 */
final class LambdaApiException extends AwsServiceException {

    private final String reason;

    LambdaApiException(String errorCode, String message, int httpStatus) {
        this(errorCode, message, httpStatus, null);
    }

    private LambdaApiException(String errorCode, String message, int httpStatus, String reason) {
        super(errorCode, message, httpStatus);
        this.reason = reason;
    }

    static LambdaApiException functionNotFound(String arn) {
        return new LambdaApiException("ResourceNotFoundException", "Function not found: " + arn, 404);
    }

    static LambdaApiException reservedConcurrencyExceeded() {
        return new LambdaApiException("TooManyRequestsException", "Rate Exceeded.", 429,
                "ReservedFunctionConcurrentInvocationLimitExceeded");
    }

    static LambdaApiException invalidParameter(String message) {
        return new LambdaApiException("InvalidParameterValueException", message, 400);
    }

    static LambdaApiException notSupported(String what) {
        return new LambdaApiException("UnknownOperationException", "not supported: " + what, 400);
    }

    /** The throttling reason, or null. */
    String reason() {
        return reason;
    }

    boolean throttled() {
        return httpStatus() == 429;
    }
}
