package io.nagare.infra.delivery;

import io.nagare.infra.NagarePlatform;
import io.nagare.infra.PlatformInputs;
import io.nagare.infra.compliance.CompliancePacks;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.constructs.Construct;

/**
 * One environment of the platform as a pipeline stage: every stack of {@link NagarePlatform}, checked by every
 * cdk-nag pack (aspects of the app do not reach into a stage, so the stage registers them itself).
 */
public final class PlatformStage extends Stage {

    private final NagarePlatform platform;

    public PlatformStage(Construct scope, String id, StageProps props, PlatformInputs inputs) {
        super(scope, id, props);
        platform = NagarePlatform.create(this, inputs);
        CompliancePacks.apply(this, true);
    }

    public NagarePlatform platform() {
        return platform;
    }
}
