package io.nagare.local.lambda.handlers;

import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;

/** A module's declarations, listed as a service so {@code PlatformModel.discover()} finds them. */
public final class DiscoveredDeclarations implements PlatformDeclarations {

    @Override
    public String owner() {
        return "greetings";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.function("greet-discovered", f -> f.handler(GreetingHandler.class).environment("GREETING", "konnichiwa"));
    }
}
