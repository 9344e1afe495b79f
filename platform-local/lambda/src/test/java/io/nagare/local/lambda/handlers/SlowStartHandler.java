package io.nagare.local.lambda.handlers;

import java.util.concurrent.Semaphore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A handler whose construction waits for a {@link #RELEASE} permit, as a slow cold start would. */
public class SlowStartHandler implements RequestHandler<Object, String> {

    public static final Semaphore CONSTRUCTING = new Semaphore(0);
    public static final Semaphore RELEASE = new Semaphore(0);

    public SlowStartHandler() throws InterruptedException {
        CONSTRUCTING.release();
        RELEASE.acquire();
    }

    @Override
    public String handleRequest(Object input, Context context) {
        return "started";
    }
}
