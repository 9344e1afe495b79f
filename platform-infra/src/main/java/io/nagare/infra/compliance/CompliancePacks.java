package io.nagare.infra.compliance;

import java.util.List;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * The cdk-nag rule packs every synth runs: the seed names PCI DSS and FISC (whose technical controls NIST 800-53 rev 5
 * covers closely), plus AWS's own Solutions and Serverless guidance. cdk-nag 2.37.55 offers PCI DSS 3.2.1 and NIST
 * rev 5 (rev 4 is superseded). Findings become CDK error annotations; acknowledgements live next to the resource they
 * concern ({@link NagAcknowledgement}).
 */
public final class CompliancePacks {

    /** The rule-id prefix of each pack, as findings name them. */
    public static final List<String> RULE_PREFIXES = List.of("AwsSolutions", "Serverless", "PCI.DSS.321", "NIST.800.53.R5");

    private CompliancePacks() {
    }

    /** Registers every pack on {@code scope} (an app or a stack); must happen before the first synth. */
    public static void apply(IConstruct scope, boolean reports) {
        NagPackProps props = NagPackProps.builder().verbose(false).reports(reports).build();
        for (NagPack pack : List.<NagPack>of(new AwsSolutionsChecks(props), new ServerlessChecks(props),
                new PCIDSS321Checks(props), new NIST80053R5Checks(props))) {
            Aspects.of(scope).add(pack);
        }
    }
}
