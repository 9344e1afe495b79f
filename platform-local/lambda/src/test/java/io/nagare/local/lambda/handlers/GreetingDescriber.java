package io.nagare.local.lambda.handlers;

/** Binds {@link JsonHandler}'s event type to {@link Greeting} through the superclass. */
public class GreetingDescriber extends JsonHandler<Greeting> {

    @Override
    protected String describe(Greeting greeting) {
        return greeting.getName() + " x" + greeting.getTimes();
    }
}
