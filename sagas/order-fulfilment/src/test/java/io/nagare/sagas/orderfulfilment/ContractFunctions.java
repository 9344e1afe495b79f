package io.nagare.sagas.orderfulfilment;

import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;

/**
 * A stand-in for the domain modules: the functions docs/order-process.md names for the saga, declared as the
 * domains will, so the model validator can check the saga's references without the domain modules on the classpath.
 */
final class ContractFunctions implements PlatformDeclarations {

    static final String[] SAGA_STEPS = {
            "validate-order", "confirm-order", "cancel-order",
            "reserve-inventory", "release-inventory",
            "authorize-payment", "capture-payment", "void-payment", "refund-payment",
            "request-shipment"};

    private final String[] functions;

    ContractFunctions(String... functions) {
        this.functions = functions.clone();
    }

    @Override
    public String owner() {
        return "contract-stand-in";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        for (String function : functions) {
            model.function(function, f -> f.handler("io.nagare.standin." + handlerName(function)));
        }
    }

    private static String handlerName(String function) {
        StringBuilder name = new StringBuilder();
        for (String word : function.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.append("Handler").toString();
    }
}
