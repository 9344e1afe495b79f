package io.nagare.local.simulators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The simulators' state in one MVStore ({@code simulators.mv.db} under the data directory, or in memory), committed
 * after every change, so a restart loses neither an authorization nor a posting the carrier still owes.
 */
final class SimulatorStore implements AutoCloseable {

    private final MVStore store;

    private SimulatorStore(MVStore store) {
        this.store = store;
    }

    static SimulatorStore open(Path dataDirectory) {
        MVStore.Builder builder = new MVStore.Builder().autoCommitDisabled();
        if (dataDirectory != null) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the simulators' data directory " + dataDirectory, e);
            }
            builder.fileName(dataDirectory.resolve("simulators.mv.db").toString());
        }
        return new SimulatorStore(builder.open());
    }

    MVMap<String, String> map(String name) {
        return store.openMap(name);
    }

    /** The next value of a counter kept with the state, so ids stay unique across restarts. */
    synchronized long next(String counter) {
        MVMap<String, Long> counters = store.openMap("counters");
        long next = counters.getOrDefault(counter, 0L) + 1;
        counters.put(counter, next);
        return next;
    }

    void commit() {
        store.commit();
    }

    @Override
    public void close() {
        store.close();
    }
}
