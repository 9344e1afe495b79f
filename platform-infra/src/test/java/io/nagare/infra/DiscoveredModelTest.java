package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.nagare.infra.compliance.CompliancePacks;
import io.nagare.infra.testmodel.TestPackages;
import io.nagare.platform.model.ModelProblem;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * The model the modules on this classpath declare (orders, inventory, payments, shipping, the order-fulfilment saga,
 * platform-api), not the fixture: it synthesizes (prod), every pack finds nothing unacknowledged, and the policies
 * derived from its declared use hold no wildcard action.
 * Resource counts are not asserted here; they change with the modules' declarations.
 */
class DiscoveredModelTest {

    @Test
    void discoveredModel_shouldSynthesizeWithoutUnacknowledgedFindings_whenItIsValid() {
        SchemaRegistry registry = SchemaRegistry.fromClasspath();
        PlatformModel model = PlatformModel.discover();
        List<ModelProblem> problems = ModelValidator.create(registry).check(model);
        // An inconsistent model is contract-tests' finding (and the app refuses it); it is reported, not synthesized.
        Assumptions.assumeTrue(problems.isEmpty(), () -> "the discovered model is not valid yet: " + problems);
        // Prod has every kind of resource the others have, and more (replicas, the recovery Region, two NATs).
        NagarePlatform platform = synthesize(PlatformEnvironment.PROD, model, registry);
        assertThat(findings(platform)).isEmpty();
        LeastPrivilege.assertNoWildcardActions(PlatformFixture.template(platform.compute()));
    }

    @Test
    void emptyModel_shouldSynthesizeEveryStackWithoutUnacknowledgedFindings_whenNoModuleDeclaresAnything() {
        SchemaRegistry registry = PlatformFixture.registry();
        NagarePlatform platform = synthesize(PlatformEnvironment.PROD, PlatformModel.of(), registry);
        assertThat(findings(platform)).isEmpty();
        assertThat(PlatformFixture.template(platform.compute()).findResources("AWS::Lambda::Function")).isEmpty();
    }

    private static NagarePlatform synthesize(PlatformEnvironment environment, PlatformModel model,
                                             SchemaRegistry registry) {
        App app = new App();
        NagarePlatform platform = NagarePlatform.create(app, new PlatformInputs(environment, model, registry,
                new TestPackages(), PlatformInputs.DEFAULT_ALLOWED_COUNTRIES));
        CompliancePacks.apply(app, false);
        return platform;
    }

    private static List<String> findings(NagarePlatform platform) {
        List<String> findings = new ArrayList<>();
        for (Stack stack : platform.stacks()) {
            findings.addAll(PlatformFixture.errors(stack));
        }
        return findings;
    }
}
