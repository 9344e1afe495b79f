package io.nagare.local.lambda.handlers;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A saga step: records what the state machine gave it and answers a reservation for the order. */
public class ReservationHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final BlockingQueue<Map<String, Object>> INPUTS = new LinkedBlockingQueue<>();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        INPUTS.add(input);
        return Map.of("orderId", input.get("orderId"), "reserved", true);
    }
}
