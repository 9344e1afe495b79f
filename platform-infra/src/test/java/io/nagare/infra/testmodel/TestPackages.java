package io.nagare.infra.testmodel;

import java.nio.file.Path;

import io.nagare.infra.compute.FunctionCode;
import io.nagare.platform.model.FunctionDeclaration;
import software.amazon.awscdk.services.lambda.Code;

/** Every function's code is one small test directory: the tests look at templates, never run the code. */
public final class TestPackages implements FunctionCode {

    static final Path PACKAGE = Path.of("src/test/resources/lambda-package");

    @Override
    public Code codeOf(FunctionDeclaration function) {
        return Code.fromAsset(PACKAGE.toAbsolutePath().toString());
    }
}
