package io.nagare.local.stepfunctions.internal.asl;

/**
 * A failure while running a state, named as AWS names it ({@code States.Runtime}, a Lambda's error type, ...).
 * Error and cause may be null (a Fail state without them). Runtime and query-evaluation errors are decorated with
 * the state they happened in when they end an execution, as AWS does.
 */
public final class StatesError extends RuntimeException {

    public static final String ALL = "States.ALL";
    public static final String RUNTIME = "States.Runtime";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    private final String error;
    private final String cause;
    private final String location;
    private String stateName;
    private long enteredEventId;

    public StatesError(String error, String cause) {
        this(error, cause, null);
    }

    /** @param location the field that failed, for JSONata evaluation failures (e.g. {@code Output/result}) */
    public StatesError(String error, String cause, String location) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
        this.location = location;
    }

    public static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    public static StatesError queryEvaluation(String cause, String location) {
        return new StatesError(QUERY_EVALUATION_ERROR, cause, location);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public String location() {
        return location;
    }

    /** Records where the error happened (the first state to see it keeps it). */
    public StatesError at(String state, long enteredEvent) {
        if (stateName == null) {
            this.stateName = state;
            this.enteredEventId = enteredEvent;
        }
        return this;
    }

    public String stateName() {
        return stateName;
    }

    /** Whether no Retry or Catch may handle it (States.Runtime and States.DataLimitExceeded, as on AWS). */
    public boolean terminal() {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /** The cause as ExecutionFailed reports it. */
    public String executionCause() {
        if (cause != null && stateName != null && (RUNTIME.equals(error) || QUERY_EVALUATION_ERROR.equals(error))) {
            return "An error occurred while executing the state '" + stateName + "' (entered at the event id #"
                    + enteredEventId + "). " + cause;
        }
        return cause;
    }
}
