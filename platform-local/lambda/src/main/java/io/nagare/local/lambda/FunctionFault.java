package io.nagare.local.lambda;

/**
 * The handler could not be loaded or constructed. The invocation fails with {@link #error()}; a fatal fault (the
 * constructor or class initializer threw) also ends the execution environment, as Lambda's init errors do.
 */
final class FunctionFault extends Exception {

    private final transient FunctionError error;
    private final boolean fatal;

    FunctionFault(FunctionError error, boolean fatal) {
        super(error.errorMessage(), null, false, false);
        this.error = error;
        this.fatal = fatal;
    }

    FunctionError error() {
        return error;
    }

    boolean fatal() {
        return fatal;
    }
}
