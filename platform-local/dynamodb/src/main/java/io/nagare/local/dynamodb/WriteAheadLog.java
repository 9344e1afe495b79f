package io.nagare.local.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The item changes made since the last MVStore commit, appended to segment files {@code wal-<first seq>.log}. A
 * record is durable against a killed process once written (the OS keeps the pages), so a write is answered after its
 * record is written instead of after a whole-store commit. A torn record at the end (the process died while writing
 * it, so it was never answered) fails its checksum and ends recovery.
 *
 * <p>Record: {@code [int length][int crc32][long seq][int count]} then per change {@code [long table][byte cause]
 * [int key length][key][int item length or -1 for a delete][item]}.
 */
final class WriteAheadLog implements AutoCloseable {

    /** One changed item: its table, stored key and new stored bytes (null when deleted). */
    record Change(long tableId, Table.WriteCause cause, byte[] key, byte[] item) {
    }

    /** The changes of one write (an item, a transaction or a batch), all or none. */
    record Record(long sequence, List<Change> changes) {
    }

    private static final String PREFIX = "wal-";
    private static final String SUFFIX = ".log";

    private final Path directory;
    private FileChannel segment;
    private long segmentBytes;

    WriteAheadLog(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** Records after {@code checkpoint}, in order, from every segment on disk. */
    List<Record> recover(long checkpoint) {
        List<Record> records = new ArrayList<>();
        for (Path path : segments()) {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path));
                while (bytes.remaining() >= 8) {
                    int length = bytes.getInt();
                    int crc = bytes.getInt();
                    if (length < 12 || length > bytes.remaining()) {
                        break;
                    }
                    byte[] payload = new byte[length];
                    bytes.get(payload);
                    CRC32 check = new CRC32();
                    check.update(payload);
                    if ((int) check.getValue() != crc) {
                        break;
                    }
                    Record record = decode(ByteBuffer.wrap(payload));
                    if (record.sequence() > checkpoint) {
                        records.add(record);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return records;
    }

    /** Starts a new segment whose first record will be {@code nextSequence}; earlier segments stay until dropped. */
    void startSegment(long nextSequence) {
        closeSegment();
        try {
            segment = FileChannel.open(directory.resolve(PREFIX + String.format("%020d", nextSequence) + SUFFIX),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            segmentBytes = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a log segment in " + directory, e);
        }
    }

    /** Removes every segment except the current one (their records are all in the committed store). */
    void dropOlderSegments(long currentFirstSequence) {
        String current = PREFIX + String.format("%020d", currentFirstSequence) + SUFFIX;
        for (Path path : segments()) {
            if (!path.getFileName().toString().equals(current)) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + path, e);
                }
            }
        }
    }

    /** Writes encoded records to the current segment (one system call for a whole group). */
    void write(ByteBuffer records) {
        try {
            segmentBytes += records.remaining();
            while (records.hasRemaining()) {
                segment.write(records);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log", e);
        }
    }

    long segmentBytes() {
        return segmentBytes;
    }

    static byte[] encode(Record record) {
        int size = 12;
        for (Change change : record.changes()) {
            size += 8 + 1 + 4 + change.key().length + 4 + (change.item() == null ? 0 : change.item().length);
        }
        ByteBuffer payload = ByteBuffer.allocate(size);
        payload.putLong(record.sequence()).putInt(record.changes().size());
        for (Change change : record.changes()) {
            payload.putLong(change.tableId()).put((byte) change.cause().ordinal())
                    .putInt(change.key().length).put(change.key());
            if (change.item() == null) {
                payload.putInt(-1);
            } else {
                payload.putInt(change.item().length).put(change.item());
            }
        }
        CRC32 crc = new CRC32();
        crc.update(payload.array());
        return ByteBuffer.allocate(8 + size).putInt(size).putInt((int) crc.getValue()).put(payload.array()).array();
    }

    private static Record decode(ByteBuffer payload) {
        long sequence = payload.getLong();
        int count = payload.getInt();
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long tableId = payload.getLong();
            Table.WriteCause cause = Table.WriteCause.values()[payload.get()];
            byte[] key = new byte[payload.getInt()];
            payload.get(key);
            int itemLength = payload.getInt();
            byte[] item = null;
            if (itemLength >= 0) {
                item = new byte[itemLength];
                payload.get(item);
            }
            changes.add(new Change(tableId, cause, key, item));
        }
        return new Record(sequence, changes);
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private void closeSegment() {
        if (segment != null) {
            try {
                segment.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close a log segment", e);
            }
            segment = null;
        }
    }

    @Override
    public void close() {
        closeSegment();
    }
}
