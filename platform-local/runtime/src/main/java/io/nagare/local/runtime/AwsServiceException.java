package io.nagare.local.runtime;

/**
 * An error a local service answers in AWS's JSON shape: {@code {"__type": "<prefix>#<code>", "message": ...}}
 * with an HTTP status (400 unless said otherwise; the SDKs retry 5xx and throttling codes).
 */
public class AwsServiceException extends RuntimeException {

    private final String errorCode;
    private final int httpStatus;

    public AwsServiceException(String errorCode, String message) {
        this(errorCode, message, 400);
    }

    public AwsServiceException(String errorCode, String message, int httpStatus) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    /** AWS's error code, e.g. {@code ValidationException}. */
    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
