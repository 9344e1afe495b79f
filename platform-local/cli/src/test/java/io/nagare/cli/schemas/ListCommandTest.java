package io.nagare.cli.schemas;

import static io.nagare.cli.schemas.CliRun.nagare;
import static org.assertj.core.api.Assertions.assertThat;

import io.nagare.cli.schemas.CliRun.Run;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void list_shouldShowVersionsOwnerSourceAndMode_whenListingTheRegistry() {
        Run run = nagare("schemas", "list", "--registry", ValidateCommandTest.REGISTRY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).matches("TYPE +VERSIONS +OWNER +SOURCE +MODE"));
        assertThat(run.stdout().lines())
                .anySatisfy(line -> assertThat(line).matches("OrderPlaced +v1, v2 +orders +nagare.partner.storefront +BACKWARD"));
        assertThat(run.stdout()).contains(" event types, ", " versions (");
    }
}
