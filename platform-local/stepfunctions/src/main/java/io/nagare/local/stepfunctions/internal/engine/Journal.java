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

    void deleteFrame(long seq, String frameId);

    void appendEvent(long seq, long eventId, byte[] event);

    static Journal of(StepFunctionsStore store) {
        return new Journal() {
            @Override
            public void turn(Runnable step) {
                store.turn(step);
            }

            @Override
            public void saveRecord(ExecutionRecord record) {
                store.putExecution(record.arn(), Json.bytes(record.toJson()), record.stateMachineArn(),
                        record.indexKey(), record.seq(), !record.status().terminal());
            }

            @Override
            public void saveFrame(long seq, Frame frame) {
                store.putFrame(seq, frame.id, Json.bytes(frame.toJson()));
            }

            @Override
            public void deleteFrame(long seq, String frameId) {
                store.deleteFrame(seq, frameId);
            }

            @Override
            public void appendEvent(long seq, long eventId, byte[] event) {
                store.putEvent(seq, eventId, event);
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
        public void deleteFrame(long seq, String frameId) {
        }

        @Override
        public void appendEvent(long seq, long eventId, byte[] event) {
        }
    };
}
