package io.nagare.infra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.PlatformModel;

class DomainPackagesTest {

    @TempDir
    Path root;

    @Test
    void packagesOf_shouldBePlatformApis_whenTheOwnerIsPlatform() {
        assertThat(new DomainPackages(root).packagesOf("platform"))
                .containsExactly(root.resolve("platform-api/target/lambda.zip"));
    }

    @Test
    void packagesOf_shouldTryTheDomainThenTheSagaModule_whenTheOwnerIsNamedAfterItsModule() {
        assertThat(new DomainPackages(root).packagesOf("orders")).containsExactly(
                root.resolve("domains/orders/target/lambda.zip"), root.resolve("sagas/orders/target/lambda.zip"));
    }

    @Test
    void codeOf_shouldNameTheFunctionAndTheModuleToBuild_whenThePackageIsMissing() {
        FunctionDeclaration function = function("inventory");
        assertThatThrownBy(() -> new DomainPackages(root).codeOf(function))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("function 'reserve-inventory' (owner 'inventory'): no deployment package at")
                .hasMessageContaining("./mvnw -pl domains/inventory package");
    }

    @Test
    void codeOf_shouldUseTheSagaModulesPackage_whenOnlyItExists() throws IOException {
        Path zip = root.resolve("sagas/inventory/target/lambda.zip");
        Files.createDirectories(zip.getParent());
        Files.write(zip, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThat(new DomainPackages(root).codeOf(function("inventory"))).isNotNull();
    }

    private static FunctionDeclaration function(String owner) {
        return PlatformModel.builder().owner(owner)
                .function("reserve-inventory", f -> f.handler("io.nagare.inventory.ReserveInventoryHandler"))
                .build().functions().get(0);
    }
}
