package io.nagare.infra.compute;

import io.nagare.platform.model.FunctionDeclaration;
import software.amazon.awscdk.services.lambda.Code;

/** Where the deployment package of a function of the model comes from. */
@FunctionalInterface
public interface FunctionCode {

    /** The code of {@code function}; fails naming the function when its package is missing. */
    Code codeOf(FunctionDeclaration function);
}
