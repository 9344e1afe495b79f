package io.nagare.local.simulators;

/** A request the simulator refuses with a 4xx status and a message saying what is accepted. */
final class BadRequestException extends RuntimeException {

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
