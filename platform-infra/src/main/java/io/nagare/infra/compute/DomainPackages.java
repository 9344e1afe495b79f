package io.nagare.infra.compute;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nagare.platform.model.FunctionDeclaration;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The deployment packages the domain modules build: {@code domains/<owner>/target/lambda.zip}, a zip in the layout
 * Lambda's Java runtime loads (classes at the root, dependency jars under {@code lib/}). One package per bounded
 * context; its functions differ by handler.
 */
public final class DomainPackages implements FunctionCode {

    private final Path repositoryRoot;

    public DomainPackages(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
    }

    @Override
    public Code codeOf(FunctionDeclaration function) {
        Path zip = repositoryRoot.resolve("domains").resolve(function.owner()).resolve("target").resolve("lambda.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("function '" + function.name() + "': no deployment package at " + zip
                    + "; build the '" + function.owner() + "' domain first (./mvnw -pl domains/" + function.owner()
                    + " package)");
        }
        return Code.fromAsset(zip.toString());
    }
}
