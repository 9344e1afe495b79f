package io.nagare.orders;

/** A conditional write lost a race (another writer changed the order first): read again and retry. */
final class WriteConflict extends RuntimeException {

    WriteConflict(String message) {
        super(message, null, false, false);
    }
}
