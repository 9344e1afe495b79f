package io.nagare.inventory;

/** A conditional write lost a race (another writer changed the item first): read again and retry. */
final class WriteConflict extends RuntimeException {

    WriteConflict(String message) {
        super(message, null, false, false);
    }
}
