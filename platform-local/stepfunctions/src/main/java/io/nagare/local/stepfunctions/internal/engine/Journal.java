package io.nagare.local.stepfunctions.internal.engine;

import io.nagare.local.stepfunctions.internal.json.Json;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/**
 * Where an execution's progress goes: the store for STANDARD executions (records, frames, history), nowhere for
 * EXPRESS ones, which AWS does not keep either.
 */
interface Journal {

    /** Runs one step of an execution so that its writes are committed together. */
    void turn(Runnable step);

    void saveRecord(ExecutionRecord record);

    void saveFrame(long seq, Frame frame);

    void deleteFrame(long seq, Frame frame);

    /** Appends the events of one step: newline-separated JSON objects, the last with id {@code lastEventId}. */
    void appendEvents(long seq, long lastEventId, byte[] events);

    /** Whether the journal keeps history events (EXPRESS executions keep none, as on AWS). */
    boolean keepsHistory();

    /** The store's journal; frames are kept only in a durable store (an in-memory one never resumes anything). */
    static Journal of(StepFunctionsStore store) {
        boolean resumable = store.durable();
        return new Journal() {
            @Override
            public void turn(Runnable step) {
                store.turn(step);
            }

            @Override
            public void saveRecord(ExecutionRecord record) {
                store.putExecution(record.seq(), record.arn(), record.machineSeq(), Json.bytes(record.toJson()),
                        !record.status().terminal());
            }

            @Override
            public void saveFrame(long seq, Frame frame) {
                if (resumable) {
                    store.putFrame(seq, frame.slot, Json.bytes(frame.toJson()));
                }
            }

            @Override
            public void deleteFrame(long seq, Frame frame) {
                if (resumable) {
                    store.deleteFrame(seq, frame.slot);
                }
            }

            @Override
            public void appendEvents(long seq, long lastEventId, byte[] events) {
                store.putEvents(seq, lastEventId, events);
            }

            @Override
            public boolean keepsHistory() {
                return true;
            }
        };
    }

    Journal TRANSIENT = new Journal() {
        @Override
        public void turn(Runnable step) {
            step.run();
        }

        @Override
        public void saveRecord(ExecutionRecord record) {
        }

        @Override
        public void saveFrame(long seq, Frame frame) {
        }

        @Override
        public void deleteFrame(long seq, Frame frame) {
        }

        @Override
        public void appendEvents(long seq, long lastEventId, byte[] events) {
        }

        @Override
        public boolean keepsHistory() {
            return false;
        }
    };
}
