package io.nagare.infra.compute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.nagare.platform.model.FunctionDeclaration;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The deployment packages the modules build: {@code <module>/target/lambda.zip}, a zip in the layout Lambda's Java
 * runtime loads (classes at the root, dependency jars under {@code lib/}). One package per owner of the model; its
 * functions differ by handler. The module of an owner is {@code platform-api} for {@code platform}, else
 * {@code domains/<owner>} or, for a saga module that declares functions of its own, {@code sagas/<owner>}.
 */
public final class DomainPackages implements FunctionCode {

    /** Owners whose module is not named after them. */
    static final Map<String, String> MODULES = Map.of("platform", "platform-api");
    /** Where a module named after its owner lives, in the order they are tried. */
    static final List<String> MODULE_PARENTS = List.of("domains", "sagas");

    private final Path repositoryRoot;

    public DomainPackages(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
    }

    @Override
    public Code codeOf(FunctionDeclaration function) {
        List<Path> candidates = packagesOf(function.owner());
        for (Path zip : candidates) {
            if (Files.isRegularFile(zip)) {
                return Code.fromAsset(zip.toString());
            }
        }
        Path module = repositoryRoot.relativize(candidates.get(0).getParent().getParent());
        throw new IllegalStateException("function '" + function.name() + "' (owner '" + function.owner()
                + "'): no deployment package at " + candidates + "; build the module first (./mvnw -pl "
                + module + " package)");
    }

    /** Where the package of {@code owner} may be, most likely first. */
    List<Path> packagesOf(String owner) {
        String module = MODULES.get(owner);
        if (module != null) {
            return List.of(lambdaZip(repositoryRoot.resolve(module)));
        }
        return MODULE_PARENTS.stream().map(parent -> lambdaZip(repositoryRoot.resolve(parent).resolve(owner)))
                .toList();
    }

    private static Path lambdaZip(Path module) {
        return module.resolve("target").resolve("lambda.zip");
    }
}
