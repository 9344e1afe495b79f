package io.nagare.local.simulators;

/**
 * A request (or a setting) the simulator refuses, with a 4xx status and a message saying what is accepted. An
 * {@link IllegalArgumentException}, so an invalid {@link SimulatorSettings} value fails as one.
 */
final class BadRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    BadRequestException(String message) {
        this(400, message);
    }

    int status() {
        return status;
    }
}
